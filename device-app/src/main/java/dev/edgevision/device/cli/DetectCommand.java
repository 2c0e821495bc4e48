package dev.edgevision.device.cli;

import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.pipeline.BackendChoice;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.device.pipeline.RecordFactory;
import dev.edgevision.device.pipeline.ServedModel;
import dev.edgevision.device.pipeline.TensorRtSettings;
import dev.edgevision.device.service.Appliance;
import dev.edgevision.tensorrt.build.BuildSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code appliance detect}: the service's pipeline (same pre-processing, backend selection and
 * decoding) over image and video files, one detection record per frame as JSON Lines.
 */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the pipeline over image and video files; one JSON record per frame.",
        description = {
            "Runs the service's pipeline over files: images (JPEG, PNG, BMP), folders of",
            "them (sorted by name), and video files. Writes one detection record per image",
            "or video frame as JSON Lines to --out or standard output; progress and errors",
            "go to standard error. An unreadable input is reported and skipped; the exit",
            "status is then 1. 'frame' counts frames within each input: 1 for an image,",
            "1..N in a video."})
public final class DetectCommand implements Callable<Integer> {
    static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");
    static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".avi", ".mkv", ".mov", ".webm", ".m4v", ".mpg",
            ".mpeg", ".ts");

    @Option(names = "--model", paramLabel = "BUNDLE",
            description = "Model bundle (default: the committed digit detector, " + DemoCommand.DEFAULT_MODEL + ").")
    Path model;

    @Option(names = "--backend", defaultValue = "auto", paramLabel = "NAME",
            description = "auto, tensorrt or onnxruntime (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Lowest score reported, 0..1 (default: the threshold the bundle ships with).")
    Double threshold;

    @Option(names = "--out", paramLabel = "FILE", description = "Write records here instead of standard output.")
    Path out;

    @Option(names = "--device", paramLabel = "ID", description = "Device id in the records (default: host name).")
    String device;

    @Option(names = "--camera", defaultValue = "file", paramLabel = "NAME",
            description = "Camera name in the records (default: ${DEFAULT-VALUE}).")
    String camera;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "ONNX Runtime CPU threads, 0 for its default (one per physical core).")
    int threads;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image files, folders of images, video files.")
    List<Path> inputs;

    private int failures;

    @Override
    public Integer call() throws Exception {
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold must be in [0, 1], got " + threshold);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be 0 (ONNX Runtime's default) or more, got " + threads);
        }
        Path home = ApplianceHome.path();
        Path bundle = (model != null ? model : home.resolve(DemoCommand.DEFAULT_MODEL)).toAbsolutePath();
        ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection(device == null
                ? Hostname.get() : device), new ApplianceConfig.ModelSection(bundle.toString(), backend, threshold,
                threads), List.of(), null);
        List<Path> files = expand(inputs);
        long frames = 0;
        try (Appliance appliance = Appliance.builder(config, home).softwareVersion(SoftwareVersion.get()).start()) {
            ServedModel served = appliance.models().current();
            System.err.println("detect: backend " + served.selection().backend().name().toLowerCase(Locale.ROOT)
                    + " (" + served.selection().reason() + "), model " + served.identity().name() + " "
                    + served.identity().version() + ", scores from " + served.threshold());
            BuildSettings settings = TensorRtSettings.from(null, home, DetectorFactory.MAX_REGIONS);
            if (!served.awaitEngine(settings.buildTimeout().plusMinutes(1))) {
                System.err.println("detect: the TensorRT engine is not ready in time");
            }
            if (served.selection().backend() == BackendChoice.TENSORRT) {
                System.err.println("detect: " + served.backendReason());
            }
            Detector detector = appliance.detector("detect");
            RecordFactory records = appliance.records(camera, detector);
            try (Writer writer = open()) {
                for (Path file : files) {
                    frames += detectFile(file, detector, records, writer);
                }
            }
        }
        System.err.printf("detect: %d frames from %d inputs, %d failed%n", frames, files.size(), failures);
        return failures == 0 ? 0 : 1;
    }

    private Writer open() throws IOException {
        if (out == null) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    /** Folders become their images and videos, sorted by name; a missing input is reported. */
    private List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> media;
                try (Stream<Path> listing = Files.list(path)) {
                    media = listing.filter(p -> isMedia(p) && Files.isRegularFile(p)).sorted().toList();
                }
                if (media.isEmpty()) {
                    fail(path, "holds no images or videos (" + String.join(", ", IMAGE_EXTENSIONS) + ", "
                            + String.join(", ", VIDEO_EXTENSIONS) + ")");
                }
                files.addAll(media);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                fail(path, "no such file or folder");
            }
        }
        return files;
    }

    static boolean isMedia(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Stream.concat(IMAGE_EXTENSIONS.stream(), VIDEO_EXTENSIONS.stream()).anyMatch(name::endsWith);
    }

    private long detectFile(Path file, Detector detector, RecordFactory records, Writer writer) throws IOException {
        long count = 0;
        try (FrameSource source = FileInputs.open(file)) {
            Frame frame = new Frame();
            while (true) {
                CaptureStatus status = source.grab(frame, Duration.ofSeconds(30));
                if (status == CaptureStatus.OK) {
                    long grabbed = System.nanoTime();
                    Detector.Result result = detector.detect(frame);
                    writer.write(DetectionJson.write(records.record(file.toString(), frame, grabbed, result)));
                    writer.write('\n');
                    count++;
                } else if (status == CaptureStatus.END_OF_STREAM) {
                    break;
                } else {
                    String why = source.status().lastError();
                    fail(file, why == null ? "cannot be read (" + status.name().toLowerCase(Locale.ROOT) + ")" : why);
                    break;
                }
            }
        } catch (RuntimeException | dev.edgevision.core.detect.DetectorException e) {
            fail(file, e.getMessage());
        }
        writer.flush();
        return count;
    }

    private void fail(Path file, String why) {
        failures++;
        String message = why != null && why.contains(file.toString()) ? why : file + ": " + why;
        System.err.println("detect: error: " + message);
    }
}
