package io.konvoqa.gate;

/**
 * The grader as the report shows it: model, endpoint host (never a key), prompt version, whether
 * it is the embedded demo grader, whether customers' data is sent unmasked (the loud opt-out),
 * and the run's totals so far.
 */
public record GraderFacts(String model, String endpointHost, String promptVersion, boolean demo,
    boolean sendsPersonalData, long calls, long cacheHits, long tokens, long errors) {}
