package dev.edgevision.device.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.detect.DetectionPublisher;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.frame.FrameSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A detector that throws OutOfMemoryError, StackOverflowError or a runtime error on some frames: the camera goes on. */
@Tag("bad-input")
class PipelineFrameErrorTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void aFrameThatFailsCostsThatFrameNotTheCamera() throws Exception {
        FakeDetector detector = new FakeDetector(call -> switch (call) {
            case 2 -> throw new OutOfMemoryError("Java heap space (thrown by the test)");
            case 4 -> throw new StackOverflowError();
            case 6 -> throw new IllegalStateException("bad frame (thrown by the test)");
            default -> FakeDetector.NOTHING;
        });
        AtomicInteger published = new AtomicInteger();
        DetectionPublisher publisher = new DetectionPublisher() {
            @Override
            public void publish(String camera, DetectionRecord record) {
                published.incrementAndGet();
            }

            @Override
            public void close() {
            }
        };
        for (int i = 0; i < 12; i++) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_3BYTE_BGR),
                    "png", dir.resolve(String.format("frame-%02d.png", i)).toFile());
        }
        try (FrameSource source = FrameSources.open(dir.toUri() + "?fps=0")) {
            CameraPipeline pipeline = new CameraPipeline("cam", source, detector,
                    new RecordFactory("dev", "cam", detector.model(), "fake"), publisher);
            Thread thread = new Thread(pipeline, "pipeline-test");
            thread.start();
            thread.join(30_000);
            assertTrue(!thread.isAlive(), "the pipeline ends with its source");
            assertEquals(12, detector.calls.get(), "every frame reached the detector");
            assertEquals(3, pipeline.failures());
            assertEquals(9, published.get());
        }
    }
}
