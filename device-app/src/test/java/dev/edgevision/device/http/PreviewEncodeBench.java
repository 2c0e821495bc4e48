package dev.edgevision.device.http;

import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.device.snapshot.AnnotatedJpeg;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Prints what one preview frame costs on the pipeline's thread: draw and JPEG-encode a synthetic
 * 640x480 frame with three boxes and the caption, as the preview does, after a warm-up. Run with
 * the test classpath: {@code java -cp ... dev.edgevision.device.http.PreviewEncodeBench [frames]}.
 */
public final class PreviewEncodeBench {
    private PreviewEncodeBench() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Frame frame = new Frame();
        try (FrameSource source = FrameSources.open("synthetic://digits?fps=0&seed=9&width=640&height=480")) {
            if (source.grab(frame, Duration.ofSeconds(10)) != CaptureStatus.OK) {
                throw new IllegalStateException("the synthetic source gave no frame");
            }
        }
        List<Detection> boxes = List.of(new Detection("3", 3, 0.97, new BoundingBox(60, 80, 90, 130)),
                new Detection("7", 7, 0.88, new BoundingBox(300, 200, 70, 110)),
                new Detection("1", 1, 0.64, new BoundingBox(480, 90, 40, 120)));
        AnnotatedJpeg jpeg = new AnnotatedJpeg(HttpService.JPEG_QUALITY);
        String caption = "desk  15.0 fps  21.3 ms  onnxruntime-cpu";
        for (int i = 0; i < 100; i++) {
            jpeg.encode(frame, boxes, caption);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[count];
        long bytes = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            bytes += jpeg.encode(frame, boxes, caption).length;
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / count;
        Arrays.sort(ms);
        System.out.printf("preview encode at 640x480 (3 boxes, caption, JPEG q%.1f), %d frames after 100 warm-up:"
                + " wall median %.2f ms, p90 %.2f ms, p99 %.2f ms; CPU %.2f ms per frame; %.1f KiB per JPEG%n",
                HttpService.JPEG_QUALITY, count, ms[count / 2], ms[count * 9 / 10],
                ms[Math.min(count - 1, count * 99 / 100)], cpuMs, bytes / 1024.0 / count);
    }
}
