package dev.edgevision.tensorrt.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.tensorrt.build.Precision;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EngineCacheKeyTest {
    static final String MODEL = "fae19618c6933067135cbc5ef93b09706dd915d2862320e0ac9fc27052e045d7";

    static EngineCacheKey key() {
        return new EngineCacheKey(MODEL, "10.3.0", "Orin", "8.7", Precision.FP16, -1,
                "input:1x1x28x28,4x1x28x28,32x1x28x28", null);
    }

    @Test
    void theSameKeyGivesTheSameFileNameEveryTime() {
        assertEquals(key().fileStem(), key().fileStem());
        assertTrue(key().fileStem().startsWith("fae19618c693-fp16-"), key().fileStem());
        assertEquals(key().canonical(), key().canonical());
    }

    @Test
    void everyFieldThatInvalidatesAnEngineChangesTheFileName() {
        List<EngineCacheKey> variants = List.of(key(),
                new EngineCacheKey("0" + MODEL.substring(1), "10.3.0", "Orin", "8.7", Precision.FP16, -1,
                        key().inputShapes(), null),
                new EngineCacheKey(MODEL, "10.7.0", "Orin", "8.7", Precision.FP16, -1, key().inputShapes(), null),
                new EngineCacheKey(MODEL, "10.3.0", "Xavier", "8.7", Precision.FP16, -1, key().inputShapes(), null),
                new EngineCacheKey(MODEL, "10.3.0", "Orin", "7.2", Precision.FP16, -1, key().inputShapes(), null),
                new EngineCacheKey(MODEL, "10.3.0", "Orin", "8.7", Precision.FP32, -1, key().inputShapes(), null),
                new EngineCacheKey(MODEL, "10.3.0", "Orin", "8.7", Precision.FP16, 0, key().inputShapes(), null),
                new EngineCacheKey(MODEL, "10.3.0", "Orin", "8.7", Precision.FP16, -1,
                        "input:1x1x28x28,4x1x28x28,16x1x28x28", null),
                new EngineCacheKey(MODEL, "10.3.0", "Orin", "8.7", Precision.INT8, -1, key().inputShapes(), "aa"),
                new EngineCacheKey(MODEL, "10.3.0", "Orin", "8.7", Precision.INT8, -1, key().inputShapes(), "bb"));
        Set<String> stems = variants.stream().map(EngineCacheKey::fileStem).collect(Collectors.toSet());
        assertEquals(variants.size(), stems.size(), "every variant has its own file");
    }

    @Test
    void calibrationCountsForInt8Only() {
        assertThrows(IllegalArgumentException.class, () -> new EngineCacheKey(MODEL, "10.3.0", "Orin", "8.7",
                Precision.INT8, -1, "x", null));
        EngineCacheKey fp16 = new EngineCacheKey(MODEL, "10.3.0", "Orin", "8.7", Precision.FP16, -1,
                key().inputShapes(), "ignored");
        assertNull(fp16.calibrationSha256());
        assertEquals(key().fileStem(), fp16.fileStem());
    }

    @Test
    void differencesNameEachChangedFieldWithOldAndNewValues() {
        Map<String, String> older = new EngineCacheKey(MODEL, "10.3.0", "Xavier", "7.2", Precision.FP16, -1,
                key().inputShapes(), null).fields();
        assertEquals(List.of("gpu Xavier -> Orin", "compute_capability 7.2 -> 8.7"), key().differencesFrom(older));
        assertTrue(key().differencesFrom(key().fields()).isEmpty());
    }

    @Test
    void calibrationDigestDependsOnNamesAndHashesNotOrder() {
        String a = EngineCacheKey.calibrationDigest(Map.of("calibration/000.png", "11", "calibration/001.png", "22"));
        String b = EngineCacheKey.calibrationDigest(new java.util.TreeMap<>(Map.of("calibration/001.png", "22",
                "calibration/000.png", "11")));
        assertEquals(a, b);
        assertNotEquals(a, EngineCacheKey.calibrationDigest(Map.of("calibration/000.png", "11",
                "calibration/001.png", "23")));
    }
}
