package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.trainer.detector.bench.TrainingSpeedBenchmark;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.net.LeakyReluLayer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.edgevision.trainer.backend.Nd4jSetup;
import org.nd4j.linalg.factory.Nd4j;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer bench-train}: DL4J's training speed on a detector network, one JSON line. */
@Command(name = "bench-train", mixinStandardHelpOptions = true,
        header = "Measure how fast DL4J trains a detector network; print one JSON line.",
        description = {
            "Trains the detector network on one synthetic batch, repeatedly, and prints",
            "examples per second and peak memory. The default network is the one",
            "shared/bench/torch_reference_train.py trains in PyTorch, so the two figures",
            "compare."})
final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "WxH", defaultValue = "256x192", description = "Input size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--batch", defaultValue = "16", description = "Examples per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--iterations", defaultValue = "20", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--loss", defaultValue = "yolo2", description = "yolo2 (what the trainer uses) or mse (what"
            + " the PyTorch reference script uses) (default ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--layout", defaultValue = "nchw", description = "Layout of the convolution stages: nchw"
            + " (channels first, what the trainer uses) or nhwc (channels last) (default ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--activation", defaultValue = "inplace", description = "Leaky-ReLU layer: inplace (the"
            + " trainer's, one pass each way) or dl4j (DL4J's ActivationLayer, which copies) (default ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--log-steps", description = "Print the time of every step on standard error.")
    boolean logSteps;

    @Override
    public Integer call() {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        if (wh.length != 2) {
            throw new UsageException("--size must look like 256x192, got '" + size + "'");
        }
        DetectorArchitecture arch = DetectorArchitecture.reference(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        if (!loss.equals("yolo2") && !loss.equals("mse")) {
            throw new UsageException("--loss must be yolo2 or mse, got '" + loss + "'");
        }
        if (!layout.equals("nchw") && !layout.equals("nhwc")) {
            throw new UsageException("--layout must be nchw or nhwc, got '" + layout + "'");
        }
        LeakyReluLayer leaky;
        try {
            leaky = LeakyReluLayer.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        TrainingSpeedBenchmark.Figures f = new TrainingSpeedBenchmark(arch, loss.equals("mse"),
                layout.equals("nhwc") ? CNN2DFormat.NHWC : CNN2DFormat.NCHW, leaky)
                .run(batch, warmup, iterations, logSteps ? System.err : null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", new int[] {arch.inputWidth(), arch.inputHeight()});
        out.put("batch", batch);
        out.put("loss", loss);
        out.put("layout", layout);
        out.put("activation", leaky == LeakyReluLayer.IN_PLACE ? "inplace" : "dl4j");
        out.put("nd4j", Nd4jSetup.describe());
        out.put("train_examples_per_s", Math.round(f.examplesPerSecond() * 10) / 10.0);
        out.put("ms_per_step", Math.round(f.msPerIteration() * 10) / 10.0);
        out.put("cpu_ms_per_example", Math.round(f.cpuMsPerExample() * 10) / 10.0);
        out.put("peak_rss_mb", f.peakRssBytes() / (1024 * 1024));
        out.put("multiply_adds", arch.multiplyAdds());
        out.put("params", arch.parameters());
        out.put("nd4j_backend", Nd4j.getBackend().getClass().getSimpleName());
        System.out.println(toJson(out));
        return 0;
    }

    private static String toJson(Map<String, Object> out) {
        try {
            return new ObjectMapper().writeValueAsString(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
