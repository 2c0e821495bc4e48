package dev.edgevision.device.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.build.HostMemory;
import dev.edgevision.tensorrt.build.PrecisionChoice;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration's tensorrt slice as the backend's build settings. */
class TensorRtSettingsTest {
    static final Path HOME = Path.of("/opt/edgevision");

    @Test
    void absentKeysTakeTheDefaultsThatFitANano() {
        BuildSettings s = TensorRtSettings.from(null, HOME, 32);
        assertEquals(PrecisionChoice.AUTO, s.precision());
        assertEquals(256L << 20, s.workspaceBytes());
        assertEquals(-1, s.dlaCore());
        assertEquals(Duration.ofMinutes(30), s.buildTimeout());
        assertEquals(Path.of("/usr/src/tensorrt/bin/trtexec"), s.trtexec());
        assertEquals(HostMemory.AUTO, s.hostMemory());
        assertEquals(32, s.maxBatch());
    }

    @Test
    void everyKeyMapsToItsSetting() {
        BuildSettings s = TensorRtSettings.from(new ApplianceConfig.TensorrtSection("int8", 512, 1, "engines", "90s",
                "bin/trtexec", "mapped"), HOME, 8);
        assertEquals(PrecisionChoice.INT8, s.precision());
        assertEquals(512L << 20, s.workspaceBytes());
        assertEquals(1, s.dlaCore());
        assertEquals(Path.of("/opt/edgevision/engines"), s.cacheDir(), "relative to the configuration's home");
        assertEquals(Duration.ofSeconds(90), s.buildTimeout());
        assertEquals(Path.of("/opt/edgevision/bin/trtexec"), s.trtexec());
        assertEquals(HostMemory.MAPPED, s.hostMemory());
        assertEquals(Duration.ofHours(2), TensorRtSettings.duration("2h"));
    }
}
