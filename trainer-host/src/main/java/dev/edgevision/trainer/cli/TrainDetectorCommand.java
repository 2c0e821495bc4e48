package dev.edgevision.trainer.cli;

import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.trainer.detector.labels.LabelledDataset;
import dev.edgevision.trainer.detector.labels.LabelledImage;
import dev.edgevision.trainer.detector.net.ClassLoss;
import dev.edgevision.trainer.detector.run.DetectorRun;
import dev.edgevision.trainer.detector.scenes.SceneSettings;
import dev.edgevision.trainer.detector.scenes.Variety;
import dev.edgevision.trainer.detector.train.DetectorTrainingSettings;
import dev.edgevision.trainer.detector.train.DigitSceneSamples;
import dev.edgevision.trainer.detector.train.LabelledImageSamples;
import dev.edgevision.trainer.detector.train.PretrainedFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer train-detector}: trains the single-shot detector on digit scenes or labelled images. */
@Command(name = "train-detector", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train the single-shot detector; write checkpoints, a report and a bundle.",
        description = {
            "Without --data, trains the digit detector on camera-like scenes rendered on",
            "the fly from the bundled MNIST-format digits (training digits only; validation",
            "scenes use held-out digits). With --data, trains on your labelled images",
            "(KITTI, DIGITS, Pascal VOC or YOLO layout), holding out 10 %% of them for",
            "validation; its defaults (12 epochs of 100 steps) train a few hundred images",
            "in under 30 minutes on 2 cores.",
            "",
            "Every epoch is checkpointed in OUT/checkpoint; after an interruption, run the",
            "same command with --resume to continue where it stopped."})
final class TrainDetectorCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Labelled images (default: digit scenes).")
    Path data;

    @Option(names = "--digits", paramLabel = "DIR", description = "IDX digits for scenes (default: datasets/mnist-9k).")
    Path digits;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/digit-detector",
            description = "Run folder: checkpoints, report, bundle (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in OUT from its last checkpoint.")
    boolean resume;

    @Option(names = "--export", description = "Only write the bundle and report from OUT's checkpoint (its best"
            + " epoch so far), without training further; give the options the run was started with.")
    boolean exportOnly;

    @Option(names = "--name", paramLabel = "NAME", description = "Model name in the bundle (default: digit-detector, or"
            + " the data folder's name).")
    String name;

    @Option(names = "--model-version", defaultValue = "1", paramLabel = "V", description = "Model version (default: ${DEFAULT-VALUE}).")
    String modelVersion;

    @Option(names = "--size", paramLabel = "WxH", description = "Model input size (default: 320x240).")
    String size;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default: 30; 12 with --data).")
    Integer epochs;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps per epoch (default: 200; 100 with --data).")
    Integer steps;

    @Option(names = "--batch", paramLabel = "N", description = "Examples per step (default: 16).")
    Integer batch;

    @Option(names = "--patience", paramLabel = "N", description = "Stop after N epochs without a better validation mAP (default: 8; 6 with --data).")
    Integer patience;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Peak Adam learning rate (default: 0.002).")
    Double learningRate;

    @Option(names = "--widths", paramLabel = "A,B,..", description = "Channels of each 3x3 stage (default: 8,24,48,64,128).")
    String widths;

    @Option(names = "--context-layers", paramLabel = "N",
            description = "3x3 layers after the last stage, each widening what a grid cell sees by two cells"
                    + " (default: 2; 0 for none).")
    Integer contextLayers;

    @Option(names = "--class-loss", paramLabel = "NAME",
            description = "Class loss of the output layer: xent (cross-entropy, default) or l2 (DL4J's squared error).")
    String classLoss;

    @Option(names = "--anchors", paramLabel = "K", description = "Anchors fitted to the data (default: 5).")
    Integer anchors;

    @Option(names = "--validation", paramLabel = "N", description = "Validation examples (default: 256; 128 with --data).")
    Integer validation;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 20261122).")
    Long seed;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = "0",
            description = "Stop (resumably) before M minutes of training have passed; 0 for no limit.")
    int maxMinutes;

    @Option(names = "--init-from", paramLabel = "FILE",
            description = "Start the feature layers from a detector checkpoint (a run's checkpoint/best.zip), or"
                    + " 'none' for random weights (default: with --data, the committed digit detector's"
                    + " models/digit-detector.weights.zip; without, none).")
    String initFrom;

    @Option(names = "--keep-head",
            description = "With --init-from: take the output layer and anchors from FILE as well, to continue a"
                    + " detector of the same classes on other scenes (a fine-tune) instead of learning them afresh.")
    boolean keepHead;

    @Option(names = "--flip", description = "Also mirror images (objects only; never for digits or text).")
    boolean flip;

    @Option(names = "--bitmap-glyphs", paramLabel = "P", defaultValue = "0.35",
            description = "Digit scenes: share of digits drawn as the raw bitmap scaled up (soft, thick strokes)"
                    + " instead of a pen along its skeleton (default: ${DEFAULT-VALUE}).")
    double bitmapGlyphs;

    @Option(names = "--hsv", paramLabel = "H,S,V", defaultValue = "0.015,0.7,0.4",
            description = "Digit scenes: largest hue shift, saturation and value gain of the colour jitter"
                    + " (default: ${DEFAULT-VALUE}, as common YOLO trainers; 0,0,0 for none).")
    String hsv;

    @Option(names = "--dense-scenes", paramLabel = "P", defaultValue = "0.167",
            description = "Digit scenes: share of scenes with up to twice the digits at up to half the height"
                    + " (default: ${DEFAULT-VALUE}).")
    double denseScenes;

    @Option(names = "--hard-negatives", paramLabel = "N", defaultValue = "6",
            description = "Digit scenes: most hard negatives per scene (circles, rings, ovals, bullets, check boxes,"
                    + " arrows, underlines, crossings-out, letters O o I l S B Z g q, shapes, slanted strokes; default:"
                    + " ${DEFAULT-VALUE}; 0 for none). With --bitmap-glyphs 0 --hsv 0,0,0 --dense-scenes 0"
                    + " --hard-negatives 0 --digit-runs 0 --words 0 --lookalike-words 0 the scenes are those the"
                    + " first digit detector was trained on.")
    int hardNegatives;

    @Option(names = "--digit-runs", paramLabel = "P", defaultValue = "0.3",
            description = "Digit scenes: share of scenes that also carry one or two numbers written as runs of 2-5"
                    + " touching digits, each digit boxed (default: ${DEFAULT-VALUE}; 0 for none).")
    double digitRuns;

    @Option(names = "--words", paramLabel = "N", defaultValue = "4",
            description = "Digit scenes: most handwritten words per scene, hard negatives of 2-7 touching letters"
                    + " (default: ${DEFAULT-VALUE}; 0 for none).")
    int words;

    @Option(names = "--lookalike-words", paramLabel = "P", defaultValue = "0.5",
            description = "Digit scenes: share of the words written only in the letters most like digits (S B Z O"
                    + " I l o s b z g q), 1-4 of them at a digit's height (default: ${DEFAULT-VALUE}; 0 for none).")
    double lookalikeWords;

    @picocli.CommandLine.Mixin
    SigningOptions signing = new SigningOptions();

    @Override
    public Integer call() throws Exception {
        signing.load();
        DetectorTrainingSettings settings = settings();
        DetectorRun run = new DetectorRun(out, new DetectorProgress(System.err, System.console() != null,
                settings.batchSize()), startingWeights(settings));
        DetectorRun.Outcome outcome;
        if (data == null) {
            IdxFolder folder = IdxFolder.scan(digits == null ? Defaults.dataset() : digits);
            DigitSet all = folder.train().read();
            int[] order = shuffled(all.size(), settings.seed());
            int held = Math.max(1, all.size() / 10);
            DigitSet validationDigits = all.subset(Arrays.copyOfRange(order, 0, held), "validation digits");
            DigitSet trainDigits = all.subset(Arrays.copyOfRange(order, held, order.length), "training digits");
            DigitSet test = folder.test().isPresent() ? folder.test().get().read() : null;
            SceneSettings scenes = SceneSettings.digits();
            Variety variety = variety();
            outcome = run.execute(settings, resume, exportOnly, new DigitSceneSamples(trainDigits, scenes, variety),
                    new DigitSceneSamples(validationDigits, scenes, variety),
                    test == null ? null : new DigitSceneSamples(test, scenes), Polarity.DARK_ON_LIGHT,
                    name == null ? "digit-detector" : name, modelVersion,
                    "Single-shot detector of handwritten digits on paper", budget());
        } else {
            LabelledDataset dataset = LabelledDataset.load(data);
            int background = dataset.backgroundImages();
            System.err.printf("%s: %d labelled images, %d of them background images (no object) trained on as"
                    + " negatives%n", data, dataset.images().size(), background);
            if (dataset.mostlyBackground()) {
                System.err.printf("warning: %d of the %d images in %s have an empty label file; if they do hold"
                        + " objects, label them, or the detector learns to find nothing%n", background,
                        dataset.images().size(), data);
            }
            List<LabelledImage> images = new ArrayList<>(dataset.images());
            int[] order = shuffled(images.size(), settings.seed());
            int held = Math.max(1, images.size() / 10);
            List<LabelledImage> validationImages = new ArrayList<>();
            List<LabelledImage> trainImages = new ArrayList<>();
            for (int i = 0; i < order.length; i++) {
                (i < held ? validationImages : trainImages).add(images.get(order[i]));
            }
            if (trainImages.isEmpty()) {
                throw new UsageException(data + ": " + images.size() + " labelled image(s) are too few to hold out"
                        + " validation; label at least 20");
            }
            String model = name == null ? data.toAbsolutePath().normalize().getFileName().toString() : name;
            outcome = run.execute(settings, resume, exportOnly, new LabelledImageSamples(dataset, trainImages, flip),
                    new LabelledImageSamples(dataset, validationImages, false), null, Polarity.NATURAL, model,
                    modelVersion, "Single-shot detector of " + String.join(", ", dataset.classes()), budget());
        }
        signing.signIfAsked(outcome.bundle());
        System.out.println(outcome.summaryJson());
        return 0;
    }

    /**
     * The feature layers a fresh run starts from. A run on labelled images starts from the committed
     * digit detector when that file is there and the run has its stages; asked for by name, a file
     * that does not fit is an error instead.
     */
    private PretrainedFeatures startingWeights(DetectorTrainingSettings settings) throws IOException {
        if (resume || exportOnly || "none".equalsIgnoreCase(initFrom)) {
            return null;
        }
        if (initFrom != null) {
            PretrainedFeatures features = PretrainedFeatures.read(Path.of(initFrom));
            return keepHead ? features.withHead() : features;
        }
        if (keepHead) {
            throw new UsageException("--keep-head needs --init-from FILE, the detector to continue");
        }
        Path committed = Defaults.detectorWeights();
        if (data == null || !Files.isRegularFile(committed)) {
            return null;
        }
        DetectorTrainingSettings digits = DetectorTrainingSettings.digits();
        if (!settings.widths().equals(digits.widths()) || settings.contextConvs() != digits.contextConvs()) {
            System.err.println("training from random weights: " + committed + " has other stages than --widths"
                    + " and --context-layers ask for");
            return null;
        }
        return PretrainedFeatures.read(committed);
    }

    private java.time.Duration budget() {
        if (maxMinutes < 0) {
            throw new UsageException("--max-minutes must be 0 (no limit) or more, got " + maxMinutes);
        }
        return maxMinutes == 0 ? java.time.Duration.ofDays(365) : java.time.Duration.ofMinutes(maxMinutes);
    }

    private Variety variety() {
        String[] parts = hsv.split(",");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            return new Variety(bitmapGlyphs, Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()), denseScenes, hardNegatives, digitRuns, words,
                    lookalikeWords);
        } catch (NumberFormatException e) {
            throw new UsageException("--hsv must be three numbers H,S,V such as 0.015,0.7,0.4, got '" + hsv + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private DetectorTrainingSettings settings() {
        DetectorTrainingSettings d = data == null ? DetectorTrainingSettings.digits()
                : DetectorTrainingSettings.labelledImages();
        int w = d.inputWidth();
        int h = d.inputHeight();
        if (size != null) {
            String[] wh = size.toLowerCase(Locale.ROOT).split("x");
            try {
                w = Integer.parseInt(wh[0]);
                h = Integer.parseInt(wh[1]);
            } catch (RuntimeException e) {
                throw new UsageException("--size must look like 320x240, got '" + size + "'");
            }
        }
        List<Integer> stages = d.widths();
        if (widths != null) {
            try {
                stages = Arrays.stream(widths.split(",")).map(String::trim).map(Integer::parseInt).toList();
            } catch (NumberFormatException e) {
                throw new UsageException("--widths must be channel counts separated by commas, got '" + widths + "'");
            }
        }
        DetectorTrainingSettings s = new DetectorTrainingSettings(seed == null ? d.seed() : seed, w, h, stages,
                contextLayers == null ? d.contextConvs() : contextLayers,
                anchors == null ? d.anchorCount() : anchors, batch == null ? d.batchSize() : batch,
                steps == null ? d.stepsPerEpoch() : steps, epochs == null ? d.maxEpochs() : epochs,
                patience == null ? d.patience() : patience, learningRate == null ? d.learningRate() : learningRate,
                validation == null ? d.validationFrames() : validation, classLoss());
        String problem = s.problem();
        if (problem != null) {
            throw new UsageException(problem);
        }
        return s;
    }

    private ClassLoss classLoss() {
        if (classLoss == null) {
            return ClassLoss.DEFAULT;
        }
        try {
            return ClassLoss.parse(classLoss);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
