package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.trainer.eval.BundleEvaluator;
import dev.edgevision.trainer.eval.ClassificationScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer evaluate}: scores a classifier bundle on IDX digits, one JSON line on standard output. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Score a classifier bundle on IDX digits; print one JSON line.",
        description = {
            "Scores a classifier bundle on MNIST-format digits through ONNX Runtime, with the",
            "pre-processing its manifest declares, exactly as a device without a GPU runs it.",
            "Prints one JSON line: accuracy, count, correct, per_class figures.",
            "",
            "DIR is searched for test-* (or MNIST's t10k-*) image/label files; without them,",
            "every *-images-idx3-ubyte[.gz] / *-labels-idx1-ubyte[.gz] pair in DIR is scored."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Model bundle to score.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of IDX files (default: the bundled datasets/mnist-9k).")
    Path data;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "ONNX Runtime threads; 0 uses every core (default).")
    int threads;

    @Override
    public Integer call() throws Exception {
        ModelBundle bundle = ModelBundle.open(model);
        IdxFolder folder = IdxFolder.scan(data == null ? Defaults.dataset() : data);
        List<String> files = new ArrayList<>();
        List<DigitSet> sets = new ArrayList<>();
        for (IdxFolder.Pair pair : folder.evaluationPairs()) {
            sets.add(pair.read());
            files.add(pair.images().toString());
            files.add(pair.labels().toString());
        }
        DigitSet set = DigitSet.concat(sets);
        System.err.printf("scoring %s on %d digits from %s%n", model, set.size(), folder.folder());
        ClassificationScore score;
        try (BundleEvaluator evaluator = new BundleEvaluator(bundle, threads)) {
            score = evaluator.score(set);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accuracy", round(score.accuracy()));
        result.put("count", score.count());
        result.put("correct", score.correct());
        result.put("loss", round(score.meanLoss()));
        result.put("per_class", score.perClass());
        result.put("model", Map.of("name", bundle.manifest().name(), "version", bundle.manifest().version(),
                "sha256", bundle.sha256()));
        result.put("data", files);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
