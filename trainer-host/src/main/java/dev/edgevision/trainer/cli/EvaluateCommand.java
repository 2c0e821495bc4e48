package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.Task;
import dev.edgevision.trainer.detector.labels.LabelledDataset;
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
        header = "Score a classifier or detector bundle; print one JSON line.",
        description = {
            "Scores a bundle through ONNX Runtime, with the pre-processing and decoding its",
            "manifest declares, exactly as a device without a GPU runs it.",
            "",
            "Classifier: DIR holds MNIST-format digits: test-* (or MNIST's t10k-*) files,",
            "or every *-images-idx3-ubyte[.gz] / *-labels-idx1-ubyte[.gz] pair. Prints",
            "accuracy, count, correct and per_class figures.",
            "",
            "Detector: DIR holds labelled images (KITTI, DIGITS, Pascal VOC or YOLO layout,",
            "as 'trainer scenes' writes them). Prints map50 (COCO-style mAP at IoU 0.5), AP",
            "per class, precision and recall at the manifest's score threshold, and false",
            "detections per frame that holds no object; also published_map50 (only the",
            "detections a device publishes, at or above that threshold), a confusion table",
            "of which classes were taken for which (rows 'not an object: mark' for",
            "detections on the non-digit marks a set records in marks/, 'not an object:",
            "background' for the rest; column 'missed') and false_on_marks by kind of mark.",
            "--report writes the curves and example frames as HTML, or the figures as",
            "Markdown when FILE ends in .md. Images whose label file is empty are",
            "background frames.",
            "",
            "A digit classifier (input resize 'mnist') given a labelled folder is scored",
            "the way the device serves it: the region finder, then the classifier on each",
            "region."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Model bundle to score.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of IDX files (default: the bundled datasets/mnist-9k).")
    Path data;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "ONNX Runtime threads; 0 uses every core (default).")
    int threads;

    @Option(names = "--iou", paramLabel = "T", defaultValue = "0.5",
            description = "Detector only: overlap a detection needs with a true box to count (default: ${DEFAULT-VALUE};"
                    + " the figure is printed as mapNN, e.g. map50).")
    double iou;

    @Option(names = "--report", paramLabel = "FILE", description = "Detector only: also write a report: Markdown"
            + " when FILE ends in .md, else HTML.")
    Path report;

    @Override
    public Integer call() throws Exception {
        ModelBundle bundle = ModelBundle.open(model);
        if (bundle.manifest().task() == Task.DETECTION || (data != null && labelledFolder(data))) {
            if (data == null) {
                throw new UsageException("--data is required for a detector: a folder of labelled images"
                        + " (for example one 'trainer scenes' wrote)");
            }
            if (!(iou > 0 && iou <= 1)) {
                throw new UsageException("--iou must be in (0, 1], got " + iou);
            }
            System.out.println(DetectorScores.json(bundle, LabelledDataset.load(data), threads, iou, report));
            return 0;
        }
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

    /** Whether {@code folder} has a labelled-image layout (rather than IDX files). */
    private static boolean labelledFolder(Path folder) {
        return java.nio.file.Files.isDirectory(folder.resolve("labels"))
                || java.nio.file.Files.isDirectory(folder.resolve("label_2"))
                || java.nio.file.Files.isDirectory(folder.resolve("Annotations"));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
