package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.trainer.quantize.CalibrationScenes;
import dev.edgevision.trainer.quantize.Int8Variant;
import dev.edgevision.trainer.quantize.SpeedComparison;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trainer quantize}: the int8 variant of a detector bundle. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        header = "Make the int8 (QDQ) variant of a detector bundle for ONNX Runtime on CPU.",
        description = {
            "Folds the float graph's batch normalisation into its convolutions, runs it on",
            "generated training scenes to find each activation's range (percentiles), and",
            "writes a bundle whose graph has int8 per-channel weights and uint8 activations",
            "in QuantizeLinear/DequantizeLinear form, which ONNX Runtime fuses into integer",
            "convolutions. The manifest is the float bundle's, with 'quantization' saying",
            "how the graph was made and the version ending in -int8. Score it with 'trainer",
            "evaluate' against the float bundle before shipping it. Prints one JSON line",
            "naming the bundle and its hashes on standard output."})
final class QuantizeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Float detector bundle.")
    Path model;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Bundle to write (default: the model's name with -int8, beside it).")
    Path out;

    @Option(names = "--calibration-scenes", paramLabel = "N", defaultValue = "200",
            description = "Generated training scenes to measure activation ranges on (default: ${DEFAULT-VALUE}).")
    int scenes;

    @Option(names = "--percentile", paramLabel = "P", defaultValue = "99.999",
            description = "Activation ranges between the (100-P)th and Pth percentiles of the calibration values;"
                    + " 100 takes min and max (default: ${DEFAULT-VALUE}).")
    double percentile;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the first calibration scene (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--digits", paramLabel = "DIR",
            description = "IDX folder whose train split the scenes draw digits from (default: the bundled datasets/mnist-9k).")
    Path digits;

    @Option(names = "--model-version", paramLabel = "V",
            description = "Model version of the variant (default: the float bundle's with -int8).")
    String modelVersion;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "ONNX Runtime threads for the calibration pass (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--speed-runs", paramLabel = "N", defaultValue = "100",
            description = "Then time the float and int8 graphs in turns, N runs each, and print both medians;"
                    + " 0 skips it (default: ${DEFAULT-VALUE}).")
    int speedRuns;

    @Mixin
    SigningOptions signing = new SigningOptions();

    @Override
    public Integer call() throws Exception {
        if (scenes < 1) {
            throw new UsageException("--calibration-scenes must be 1 or more, got " + scenes
                    + ": the activation ranges are measured by running " + model + " on them");
        }
        if (!(percentile > 50 && percentile <= 100)) {
            throw new UsageException("--percentile must be above 50 and at most 100, got " + percentile);
        }
        signing.load();
        if (!Files.isRegularFile(model)) {
            throw new NoSuchFileException(model.toString());
        }
        ModelBundle source = ModelBundle.open(model);
        Int8Variant.requireFloatDetector(source);
        DigitSet train = IdxFolder.scan(digits == null ? Defaults.dataset() : digits).train().read();
        Path target = out != null ? out : defaultOut(model);
        if (target.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize())) {
            throw new UsageException("--out " + target + " is the float bundle itself; write the variant beside it");
        }
        CalibrationScenes calibration = new CalibrationScenes(train, source.manifest().input(), scenes, seed);
        long start = System.nanoTime();
        ModelManifest written = Int8Variant.write(source, calibration, modelVersion, threads, percentile, target);
        System.err.printf("quantised %s into %s on %s in %.1f s%n", model, target, calibration.describe(),
                (System.nanoTime() - start) / 1e9);
        if (speedRuns > 0) {
            ModelManifest m = source.manifest();
            SpeedComparison speed = SpeedComparison.measure(source.modelBytes(), ModelBundle.open(target).modelBytes(),
                    new long[] {m.input().channels(), m.input().height(), m.input().width()}, m.decoder().output(),
                    calibration, speedRuns);
            System.err.printf("ONNX Runtime CPU, 1 thread, median of %d runs taken in turns: float %.3f ms, int8 %.3f ms"
                    + " (%.2fx)%n", speed.runs(), speed.firstMillis(), speed.secondMillis(),
                    speed.firstMillis() / speed.secondMillis());
        }
        signing.signIfAsked(target);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bundle", target.toString());
        line.put("name", written.name());
        line.put("version", written.version());
        line.put("precision", written.precision());
        line.put("files", ModelBundle.open(target).manifest().files());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    /** {@code models/x.vbundle} gives {@code models/x-int8.vbundle}. */
    static Path defaultOut(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".vbundle";
        return model.resolveSibling(stem + "-int8" + ext);
    }
}
