package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.trainer.bundle.DigitClassifierBundle;
import dev.edgevision.trainer.classifier.DigitClassifierNetwork;
import dev.edgevision.trainer.classifier.DigitLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer export}: turns a DL4J checkpoint into a model bundle. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Pack a DL4J checkpoint into a model bundle (ONNX + manifest).",
        description = {
            "Exports a trained digit classifier (the checkpoint.zip of a 'trainer train'",
            "run) to ONNX and packs it into a model bundle with its manifest. Prints one",
            "JSON line naming the bundle and its hashes on standard output."})
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "DL4J checkpoint (checkpoint.zip).")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Bundle to write (e.g. digits.vbundle).")
    Path out;

    @Option(names = "--name", defaultValue = "digits", paramLabel = "NAME", description = "Model name in the bundle (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--model-version", defaultValue = "1", paramLabel = "V", description = "Model version in the bundle (default: ${DEFAULT-VALUE}).")
    String modelVersion;

    @Option(names = "--data", paramLabel = "DIR",
            description = "IDX folder whose test split gives the bundle's calibration and reference digits"
                    + " (default: the bundled datasets/mnist-9k).")
    Path data;

    @Override
    public Integer call() throws Exception {
        MultiLayerNetwork net = load(checkpoint);
        DigitSet heldOut = AddSamplesCommand.heldOut(data == null ? Defaults.dataset() : data);
        int classes = DigitClassifierNetwork.classesOf(net);
        java.util.List<String> labels = classes == DigitLabels.WITH_REJECT.size() ? DigitLabels.WITH_REJECT
                : DigitLabels.LABELS;
        if (classes != labels.size()) {
            throw new UsageException(checkpoint + " is not a digit classifier checkpoint: its output has " + classes
                    + " classes (10 digits, or 11 with not_digit, expected)");
        }
        ModelManifest manifest = DigitClassifierBundle.write(net, name, modelVersion, Map.of(), labels, heldOut, out);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bundle", out.toString());
        line.put("name", manifest.name());
        line.put("version", manifest.version());
        line.put("files", manifest.files());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    static MultiLayerNetwork load(Path checkpoint) throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new java.nio.file.NoSuchFileException(checkpoint.toString());
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(checkpoint.toFile(), false);
        } catch (Exception e) {
            throw new IOException(checkpoint + ": not a DL4J checkpoint of a trained network ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); give the checkpoint.zip a 'trainer train' run wrote", e);
        }
    }
}
