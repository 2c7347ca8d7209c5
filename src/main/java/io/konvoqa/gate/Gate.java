package io.konvoqa.gate;

/**
 * A gate as its scenario states it, ready to judge any sample: {@link OnePass} feeds the gates of
 * a window in one pass, {@link Sample#judge} one sample.
 */
@FunctionalInterface
public interface Gate {
  /** Starts judging, naming the verdict {@code name} (the claim as the feature states it). */
  Accumulator start(String name);
}
