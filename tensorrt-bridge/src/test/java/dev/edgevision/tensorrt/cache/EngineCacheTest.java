package dev.edgevision.tensorrt.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.tensorrt.build.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCacheTest {
    static final byte[] PLAN = "a serialised engine".getBytes();

    @TempDir
    Path dir;

    @Test
    void aStoredEngineIsFoundWithItsBuildRecord() throws Exception {
        EngineCache cache = new EngineCache(dir.resolve("engines"));
        cache.store(EngineCacheKeyTest.key(), PLAN, "in-process", 123.4);
        CacheLookup.Hit hit = assertInstanceOf(CacheLookup.Hit.class, cache.lookup(EngineCacheKeyTest.key()));
        assertArrayEquals(PLAN, hit.plan());
        assertEquals("in-process", hit.header().builder());
        assertEquals(123.4, hit.header().buildSeconds());
        assertEquals("10.3.0", hit.header().key().get("tensorrt"));
    }

    @Test
    void aMissSaysNothingWasCachedForThisModelYet() {
        CacheLookup.Miss miss = assertInstanceOf(CacheLookup.Miss.class,
                new EngineCache(dir).lookup(EngineCacheKeyTest.key()));
        assertTrue(miss.reason().startsWith("no engine cached yet for this model (sha256 fae19618c693) at fp16"),
                miss.reason());
    }

    @Test
    void aJetpackUpgradeMakesTheEngineStaleAndSaysWhatChanged() throws Exception {
        EngineCache cache = new EngineCache(dir);
        cache.store(EngineCacheKeyTest.key(), PLAN, "in-process", 60);
        EngineCacheKey upgraded = new EngineCacheKey(EngineCacheKeyTest.MODEL, "10.7.0", "Orin", "8.7", Precision.FP16,
                -1, EngineCacheKeyTest.key().inputShapes(), null);
        CacheLookup.Miss miss = assertInstanceOf(CacheLookup.Miss.class, cache.lookup(upgraded));
        assertTrue(miss.reason().contains("is stale: tensorrt 10.3.0 -> 10.7.0"), miss.reason());
        assertNotEquals(cache.engineFile(upgraded), cache.engineFile(EngineCacheKeyTest.key()));
    }

    @Test
    void aDamagedEngineIsRefusedRemovedAndReportedOnLoad() throws Exception {
        EngineCache cache = new EngineCache(dir);
        cache.store(EngineCacheKeyTest.key(), PLAN, "trtexec", 60);
        Path file = cache.engineFile(EngineCacheKeyTest.key());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        CacheLookup.Miss miss = assertInstanceOf(CacheLookup.Miss.class, cache.lookup(EngineCacheKeyTest.key()));
        assertTrue(miss.reason().contains("does not match its sha256"), miss.reason());
        assertFalse(Files.exists(file), "removed so that it is rebuilt");
    }

    @Test
    void aFileCutShortIsRefusedOnLoad() throws Exception {
        EngineCache cache = new EngineCache(dir);
        cache.store(EngineCacheKeyTest.key(), PLAN, "trtexec", 60);
        Path file = cache.engineFile(EngineCacheKeyTest.key());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        CacheLookup.Miss miss = assertInstanceOf(CacheLookup.Miss.class, cache.lookup(EngineCacheKeyTest.key()));
        assertTrue(miss.reason().contains("holds 14 engine bytes, its header says 19"), miss.reason());
        Files.write(file, "garbage".getBytes());
        miss = assertInstanceOf(CacheLookup.Miss.class, cache.lookup(EngineCacheKeyTest.key()));
        assertTrue(miss.reason().contains("cannot be read"), miss.reason());
    }

    @Test
    void aFileUnderTheKeysNameButBuiltForAnotherKeyIsRefused() throws Exception {
        EngineCache cache = new EngineCache(dir);
        EngineCacheKey other = new EngineCacheKey(EngineCacheKeyTest.MODEL, "10.3.0", "Orin", "8.7", Precision.FP32,
                -1, EngineCacheKeyTest.key().inputShapes(), null);
        cache.store(other, PLAN, "in-process", 1);
        Files.move(cache.engineFile(other), cache.engineFile(EngineCacheKeyTest.key()));
        CacheLookup.Miss miss = assertInstanceOf(CacheLookup.Miss.class, cache.lookup(EngineCacheKeyTest.key()));
        assertTrue(miss.reason().contains("built for another key (precision fp32 -> fp16)"), miss.reason());
    }

    @Test
    void storingReplacesTheWholeFileAndLeavesNoTemporaryFiles() throws Exception {
        EngineCache cache = new EngineCache(dir);
        cache.store(EngineCacheKeyTest.key(), PLAN, "in-process", 1);
        byte[] second = "a second, longer serialised engine".getBytes();
        cache.store(EngineCacheKeyTest.key(), second, "trtexec", 2);
        CacheLookup.Hit hit = assertInstanceOf(CacheLookup.Hit.class, cache.lookup(EngineCacheKeyTest.key()));
        assertArrayEquals(second, hit.plan());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the engine: no .part files");
        }
    }

    @Test
    void timingCacheIsSharedByModelsOfOneGpuAndCalibrationCacheIsPerModel() {
        EngineCache cache = new EngineCache(dir);
        EngineCacheKey a = EngineCacheKeyTest.key();
        EngineCacheKey b = new EngineCacheKey("1" + EngineCacheKeyTest.MODEL.substring(1), "10.3.0", "Orin", "8.7",
                Precision.INT8, -1, a.inputShapes(), "cc");
        EngineCacheKey newer = new EngineCacheKey(EngineCacheKeyTest.MODEL, "10.7.0", "Orin", "8.7", Precision.FP16,
                -1, a.inputShapes(), null);
        assertEquals(cache.timingCache(a), cache.timingCache(b));
        assertNotEquals(cache.timingCache(a), cache.timingCache(newer));
        assertNotEquals(cache.calibrationCache(a), cache.calibrationCache(b));
        assertEquals(dir, cache.timingCache(a).getParent());
    }
}
