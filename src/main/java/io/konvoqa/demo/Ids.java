package io.konvoqa.demo;

import java.util.SplittableRandom;
import java.util.UUID;

/** Version 4 UUIDs drawn from the generator's random, so that a seed gives the same ids. */
final class Ids {
  private Ids() {}

  static String uuid(SplittableRandom random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb).toString();
  }
}
