package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.trainer.run.ClassifierRun;
import dev.edgevision.trainer.classifier.ClassifierShape;
import dev.edgevision.trainer.classifier.TrainingSettings;
import dev.edgevision.trainer.data.AugmentationSettings;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer train}: trains the digit classifier, evaluates it, writes checkpoint, report and bundle. */
@Command(name = "train", mixinStandardHelpOptions = true, defaultValueProvider = TrainingDefaults.class,
        header = "Train the digit classifier, score it on the test split, write report and bundle.", sortOptions = false,
        description = {
            "Trains the digit classifier on MNIST-format IDX digits (train-* files), with",
            "augmentation and early stopping on a validation split held out from them, then",
            "scores it once on the test split (test-* or t10k-*), which training never",
            "sees.",
            "",
            "Writes into the run folder (--out):",
            "  checkpoint.zip   the DL4J network (input to 'trainer export')",
            "  digits.vbundle   the model bundle for devices (ONNX + manifest)",
            "  report.html      curves, confusion matrix, worst mistakes, settings, timings",
            "and prints one JSON line with the test figures on standard output. The same",
            "seed and data give the same weights."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of IDX files (default: datasets/mnist-9k).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/digit-classifier",
            description = "Run folder for checkpoint, bundle and report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--bundle", paramLabel = "FILE", description = "Where to write the bundle (default: OUT/digits.vbundle).")
    Path bundle;

    @Option(names = "--name", defaultValue = "digits", paramLabel = "NAME", description = "Model name in the bundle (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--model-version", defaultValue = "1", paramLabel = "V", description = "Model version in the bundle (default: ${DEFAULT-VALUE}).")
    String modelVersion;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", paramLabel = "N", description = "Stop after N epochs without improvement (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--width", paramLabel = "N", description = "Channels of the first convolution (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--network", paramLabel = "SHAPE",
            description = "lenet (one 5x5 convolution per stage) or vgg (two 3x3 per stage; about twice the work)"
                    + " (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Initial Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--learning-rate-decay", paramLabel = "F", description = "Learning-rate factor per epoch (default: ${DEFAULT-VALUE}).")
    double learningRateDecay;

    @Option(names = "--validation-fraction", paramLabel = "F", description = "Share of train-* held out for validation (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--max-minutes", paramLabel = "M", description = "Stop training after M minutes; 0 for no limit (default: ${DEFAULT-VALUE}).")
    double maxMinutes;

    @Option(names = "--augmentation", paramLabel = "KIND", defaultValue = "digits",
            description = "digits (shifts, rotation, scale, shear, elastic, noise) or none (default: ${DEFAULT-VALUE}).")
    String augmentation;

    @Option(names = "--stroke-change", paramLabel = "F",
            description = "With --augmentation digits, vary stroke width by up to F (0..1: blend towards a 3x3"
                    + " dilation or erosion; default: ${DEFAULT-VALUE}).")
    Double strokeChange;

    @Option(names = "--elastic", paramLabel = "A[,S]",
            description = "Elastic deformation: typical displacement A pixels, smoothed over S pixels (default: 0.5,3).")
    String elastic;

    @Option(names = "--flip", description = "Also mirror images. Never for digits: a mirrored 7 is not a 7.")
    boolean flip;

    @Option(names = "--reject-marks", paramLabel = "N", defaultValue = "3000",
            description = "Marks that are not digits (circles, lines, letters, boxes... cut from generated pages by the"
                    + " device's region finder) to learn as an 11th class, not_digit, which devices never report;"
                    + " 0 for a ten-class classifier (default: ${DEFAULT-VALUE}).")
    int rejectMarks;

    @picocli.CommandLine.Mixin
    SigningOptions signing = new SigningOptions();

    @Override
    public Integer call() throws Exception {
        if (rejectMarks < 0 || rejectMarks > 200_000) {
            throw new UsageException("--reject-marks must be 0..200000, got " + rejectMarks);
        }
        signing.load();
        TrainingSettings settings = settings();
        IdxFolder folder = IdxFolder.scan(data == null ? Defaults.dataset() : data);
        DigitSet all = folder.train().read();
        DigitSet test = folder.test().isPresent() ? folder.test().get().read() : null;
        ClassifierRun run = new ClassifierRun(settings, out, bundle == null ? out.resolve("digits.vbundle") : bundle,
                name, modelVersion, folder.folder().toAbsolutePath().normalize().getFileName().toString(), rejectMarks);
        ClassifierRun.Outcome outcome = run.execute(all, test, new ProgressBar(System.err, System.console() != null));
        signing.signIfAsked(outcome.bundle());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("accuracy", outcome.testAccuracy());
        line.put("count", outcome.testCount());
        line.put("split", outcome.scoredOn());
        line.put("best_epoch", outcome.bestEpoch());
        line.put("seconds", Math.round(outcome.seconds() * 10) / 10.0);
        line.put("bundle", outcome.bundle().toString());
        line.put("report", outcome.report().toString());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    private TrainingSettings settings() {
        AugmentationSettings aug = switch (augmentation) {
            case "digits" -> TrainingSettings.defaults().augmentation();
            case "none" -> AugmentationSettings.none();
            default -> throw new UsageException("--augmentation must be 'digits' or 'none', got '" + augmentation + "'");
        };
        if (flip) {
            aug = new AugmentationSettings(aug.maxShiftPixels(), aug.maxRotationDegrees(), aug.maxScaleChange(),
                    aug.maxShear(), aug.elasticAlpha(), aug.elasticSigma(), aug.noiseStd(), true, aug.maxStrokeChange());
        }
        if (strokeChange != null && augmentation.equals("digits")) {
            if (!(strokeChange >= 0 && strokeChange <= 1)) {
                throw new UsageException("--stroke-change must be in 0..1, got " + strokeChange);
            }
            aug = aug.withStrokeChange(strokeChange);
        }
        if (elastic != null) {
            String[] parts = elastic.split(",");
            double alpha;
            double sigma = aug.elasticSigma();
            try {
                alpha = Double.parseDouble(parts[0].trim());
                if (parts.length > 1) {
                    sigma = Double.parseDouble(parts[1].trim());
                }
            } catch (NumberFormatException e) {
                throw new UsageException("--elastic must be A or A,S (pixels), got '" + elastic + "'");
            }
            if (parts.length > 2 || !(alpha >= 0 && alpha <= 8) || !(sigma >= 1 && sigma <= 8)) {
                throw new UsageException("--elastic wants A in 0..8 and S in 1..8 pixels, got '" + elastic + "'");
            }
            aug = aug.withElastic(alpha, sigma);
        }
        ClassifierShape shape = ClassifierShape.named(network);
        if (shape == null) {
            throw new UsageException("--network must be lenet or vgg, got '" + network + "'");
        }
        TrainingSettings s = new TrainingSettings(seed, width, shape, batch, epochs, patience, learningRate,
                learningRateDecay, validationFraction, maxMinutes, aug);
        String problem = s.problem();
        if (problem != null) {
            throw new UsageException(problem);
        }
        return s;
    }
}
