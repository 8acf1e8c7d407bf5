package org.pilotpool.model.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent random streams, one per entity, each derived from (master seed, stable entity id).
 *
 * <p>Why per entity and not one shared generator: the draws an entity sees must not depend on how
 * many draws other entities made before it, nor on the order in which actors were spawned. Adding a
 * site to a scenario then leaves the other sites' service times unchanged, and a run is
 * reproducible from its seed alone.
 */
public final class RandomStreams {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** A fresh generator for the entity; the same id always starts the same sequence. */
  public RandomGenerator forEntity(String stableId) {
    return new SplittableRandom(streamSeed(seed, stableId));
  }

  /** The 64-bit seed of an entity's stream: FNV-1a of the id's UTF-8 bytes, mixed with the master seed. */
  static long streamSeed(long seed, String stableId) {
    long h = FNV_OFFSET;
    for (byte b : stableId.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= FNV_PRIME;
    }
    return mix(seed ^ mix(h));
  }

  /** SplitMix64's finalizer: spreads nearby seeds and ids over the whole 64-bit space. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
