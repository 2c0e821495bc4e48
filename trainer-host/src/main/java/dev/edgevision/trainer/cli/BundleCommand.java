package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.trainer.bundle.ForeignDetectorBundle;
import dev.edgevision.trainer.bundle.ForeignDetectorOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer bundle}: wraps an ONNX detector trained elsewhere into a model bundle. */
@Command(name = "bundle", sortOptions = false, subcommands = {BundleSignCommand.class, BundleVerifyCommand.class},
        header = "Wrap an ONNX detector trained elsewhere (YOLO, SSD) into a model bundle; sign or verify a bundle.",
        description = {
            "Packs a foreign ONNX detector, its class names and the decoder its outputs",
            "need into a bundle any device loads without tensor-name flags. The input's",
            "name, layout and size, the outputs' names and shapes and the class count are",
            "read from the graph (a run on zeros gives the sizes a dynamic export leaves",
            "open). The outputs are checked against the decoder and the class count against",
            "the labels, as a device checks them, before the bundle is written.",
            "",
            "Decoders (C classes, B boxes; box values in input pixels):",
            "  yolov8  one output [N, 4+C, B] or [N, B, 4+C]: cx, cy, w, h, C scores",
            "  yolov5  one output [N, B, 5+C]: cx, cy, w, h, objectness, C scores",
            "  ssd     boxes [N, B, 4] and scores [N, B, C] (C+1 with a background",
            "          column); boxes are fractions of the input unless --normalized false",
            "  yolo2   one output [N, A*(5+C), GH, GW] of raw values, as this project's",
            "          own detector (DL4J Yolo2OutputLayer); needs --anchors",
            "",
            "Prints one JSON line naming the bundle on standard output. Example:",
            "  trainer bundle --onnx yolov8n.onnx --labels coco.txt --decoder yolov8 \\",
            "      --out yolov8n.vbundle",
            "",
            "'trainer bundle sign' signs a bundle for devices with a trust store; 'trainer",
            "bundle verify' checks one as such a device does."})
final class BundleCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--onnx", paramLabel = "FILE", description = "The ONNX detector.")
    Path onnx;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names in class-id order: one per line, or a YOLO data .yaml with a names list.")
    Path labels;

    @Option(names = "--decoder", paramLabel = "TYPE", description = "yolov8, yolov5, ssd or yolo2.")
    String decoder;

    @Option(names = "--out", paramLabel = "FILE", description = "Bundle to write (e.g. yolo.vbundle).")
    Path out;

    @Option(names = "--input-size", paramLabel = "WxH",
            description = "Input size; needed when the graph leaves it dynamic.")
    String inputSize;

    @Option(names = "--colour", paramLabel = "ORDER",
            description = "rgb, bgr or grayscale (default: rgb, grayscale for one channel).")
    String colour;

    @Option(names = "--resize", paramLabel = "HOW", description = "letterbox (aspect kept, padded) or stretch"
            + " (default: letterbox).")
    String resize;

    @Option(names = "--value-range", paramLabel = "LO,HI",
            description = "Range pixels are scaled to before --mean/--std (default: 0,1).")
    String valueRange;

    @Option(names = "--mean", paramLabel = "M[,M,M]", description = "Mean subtracted, one or one per channel"
            + " (default: 0).")
    String mean;

    @Option(names = "--std", paramLabel = "S[,S,S]", description = "Standard deviation divided by, one or one per"
            + " channel (default: 1).")
    String std;

    @Option(names = "--score-threshold", paramLabel = "T", description = "Lowest candidate score (default: 0.25).")
    Double scoreThreshold;

    @Option(names = "--iou-threshold", paramLabel = "T", description = "Overlap above which NMS drops the weaker box"
            + " of a class (default: 0.45).")
    Double iouThreshold;

    @Option(names = "--max-detections", paramLabel = "N", description = "Most detections per frame (default: 100).")
    Integer maxDetections;

    @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: the ONNX file's name).")
    String name;

    @Option(names = {"--version", "--model-version"}, paramLabel = "V", description = "Model version (default: 1).")
    String modelVersion;

    @Option(names = "--output", paramLabel = "NAME", description = "The output to decode, if the graph has several.")
    String output;

    @Option(names = "--anchors", paramLabel = "W,H;W,H...", description = "yolo2: anchor sizes in grid units.")
    String anchors;

    @Option(names = "--boxes-output", paramLabel = "NAME", description = "ssd: the boxes output (default: inferred).")
    String boxesOutput;

    @Option(names = "--scores-output", paramLabel = "NAME", description = "ssd: the scores output (default: inferred).")
    String scoresOutput;

    @Option(names = "--box-format", paramLabel = "FMT", description = "ssd: xyxy or yxyx (default: xyxy).")
    String boxFormat;

    @Option(names = "--normalized", arity = "1", paramLabel = "BOOL",
            description = "ssd: boxes are fractions of the input size (default: true).")
    Boolean normalized;

    @Option(names = "--background-class", paramLabel = "N",
            description = "ssd: score column of the background, -1 for none (default: -1).")
    Integer backgroundClass;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        requireOptions();
        ForeignDetectorOptions options = new ForeignDetectorOptions(onnx, labels, decoder,
                BundleOptions.size(inputSize), colour, resize, BundleOptions.numbers("--value-range", valueRange),
                BundleOptions.numbers("--mean", mean), BundleOptions.numbers("--std", std),
                BundleOptions.fraction("--score-threshold", scoreThreshold),
                BundleOptions.fraction("--iou-threshold", iouThreshold), BundleOptions.positive(maxDetections),
                name, modelVersion, output, BundleOptions.anchors(anchors), boxesOutput, scoresOutput,
                BundleOptions.boxFormat(boxFormat), normalized, backgroundClass);
        ModelManifest manifest = ForeignDetectorBundle.write(options, out);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bundle", out.toString());
        line.put("name", manifest.name());
        line.put("version", manifest.version());
        line.put("sha256", ModelBundle.open(out).sha256());
        line.put("decoder", manifest.decoder());
        line.put("input", Map.of("name", manifest.input().name(), "shape", manifest.input().shape(),
                "layout", manifest.input().layout()));
        line.put("outputs", manifest.outputs().stream().map(o -> Map.of("name", o.name(), "shape", o.shape())).toList());
        line.put("classes", manifest.labels().size());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    /** --onnx, --labels, --decoder and --out are required unless a subcommand (sign, verify) runs. */
    private void requireOptions() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (onnx == null) {
            missing.add("'--onnx=FILE'");
        }
        if (labels == null) {
            missing.add("'--labels=FILE'");
        }
        if (decoder == null) {
            missing.add("'--decoder=TYPE'");
        }
        if (out == null) {
            missing.add("'--out=FILE'");
        }
        if (!missing.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option"
                    + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing));
        }
    }
}
