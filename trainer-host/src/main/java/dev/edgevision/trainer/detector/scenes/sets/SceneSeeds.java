package dev.edgevision.trainer.detector.scenes.sets;

/**
 * Seeds for the scenes of a set: scene {@code index} of a set seeded {@code seed} gets a seed of
 * its own, well spread (MurmurHash3's 64-bit finaliser over the two), so neighbouring sets and
 * neighbouring scenes share nothing.
 */
public final class SceneSeeds {
    private SceneSeeds() {
    }

    /** The seed of scene {@code index} in the set seeded {@code seed}. */
    public static long of(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L ^ (index + 0x632BE59BD9B4E019L);
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
