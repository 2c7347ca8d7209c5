package io.konvoqa.gate;

/** A session that broke a gate, and why, e.g. "sub_intent_type CONCIERGE, expected RETURN_REQUEST". */
public record Offender(String sessionId, String reason) {}
