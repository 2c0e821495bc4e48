package dev.edgevision.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a bundle says about its model: identity, task, input, outputs, decoder, labels, and the
 * hash of every file it carries. Serialised as {@code manifest.json} with snake_case keys.
 *
 * @param formatVersion manifest format; devices refuse formats newer than {@link #FORMAT_VERSION}
 * @param name model name, as detection records report it
 * @param version model version, as detection records report it
 * @param task classification or detection
 * @param description one sentence for people
 * @param created ISO-8601 instant the bundle was made
 * @param producer tool and version that made the bundle
 * @param modelFile the ONNX graph's file name inside the bundle
 * @param input the input tensor and its pre-processing
 * @param outputs the output tensors
 * @param decoder how outputs become labelled results
 * @param labels class names, indexed by class id
 * @param metrics figures measured when the bundle was made (accuracy, test set size, ...)
 * @param files every file of the bundle but the manifest, with its sha256 and size
 * @param sequence the signer's number for this bundle, rising with each bundle of the same model name,
 *     so a device refuses an old bundle sent again; null in bundles made before signing existed
 * @param requires what a device must have to run the bundle; null for nothing beyond this format
 * @param quantization how the graph was quantised; null for a float32 graph (every bundle made before
 *     quantised variants existed). Readers that predate the field ignore it and run the graph as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
        int formatVersion,
        String name,
        String version,
        Task task,
        String description,
        String created,
        String producer,
        String modelFile,
        InputSpec input,
        List<OutputSpec> outputs,
        DecoderSpec decoder,
        List<String> labels,
        Map<String, Object> metrics,
        Map<String, FileEntry> files,
        Long sequence,
        Requirements requires,
        Quantization quantization) {

    /** The manifest format this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    @JsonCreator
    public ModelManifest {
    }

    /** A manifest without a sequence or requirements (an unsigned bundle's). */
    public ModelManifest(int formatVersion, String name, String version, Task task, String description, String created,
            String producer, String modelFile, InputSpec input, List<OutputSpec> outputs, DecoderSpec decoder,
            List<String> labels, Map<String, Object> metrics, Map<String, FileEntry> files) {
        this(formatVersion, name, version, task, description, created, producer, modelFile, input, outputs, decoder,
                labels, metrics, files, null, null, null);
    }

    /** A manifest without quantization (a float32 graph's), as written before quantised variants existed. */
    public ModelManifest(int formatVersion, String name, String version, Task task, String description, String created,
            String producer, String modelFile, InputSpec input, List<OutputSpec> outputs, DecoderSpec decoder,
            List<String> labels, Map<String, Object> metrics, Map<String, FileEntry> files, Long sequence,
            Requirements requires) {
        this(formatVersion, name, version, task, description, created, producer, modelFile, input, outputs, decoder,
                labels, metrics, files, sequence, requires, null);
    }

    /** A copy with {@code files} replaced. */
    public ModelManifest withFiles(Map<String, FileEntry> newFiles) {
        return new ModelManifest(formatVersion, name, version, task, description, created, producer,
                modelFile, input, outputs, decoder, labels, metrics, newFiles, sequence, requires, quantization);
    }

    /** A copy with {@code sequence} replaced. */
    public ModelManifest withSequence(Long newSequence) {
        return new ModelManifest(formatVersion, name, version, task, description, created, producer,
                modelFile, input, outputs, decoder, labels, metrics, files, newSequence, requires, quantization);
    }

    /** A copy with {@code requires} replaced. */
    public ModelManifest withRequires(Requirements newRequires) {
        return new ModelManifest(formatVersion, name, version, task, description, created, producer,
                modelFile, input, outputs, decoder, labels, metrics, files, sequence, newRequires, quantization);
    }

    /** A copy with {@code quantization} replaced. */
    public ModelManifest withQuantization(Quantization newQuantization) {
        return new ModelManifest(formatVersion, name, version, task, description, created, producer,
                modelFile, input, outputs, decoder, labels, metrics, files, sequence, requires, newQuantization);
    }

    /** What the graph computes in: the quantization's precision, or {@code float32} without one. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String precision() {
        return quantization == null || quantization.precision() == null ? "float32" : quantization.precision();
    }

    /**
     * The class id of the reject class ({@code decoder.parameters.reject_label}), or -1 when there
     * is none: its results are never reported.
     */
    public int rejectClass() {
        String reject = decoder == null ? null : decoder.rejectLabel();
        return reject == null || labels == null ? -1 : labels.indexOf(reject);
    }

    /** The labels results can carry: {@link #labels} without the reject class's. */
    public List<String> reportedLabels() {
        int reject = rejectClass();
        if (reject < 0) {
            return labels;
        }
        List<String> reported = new ArrayList<>(labels);
        reported.remove(reject);
        return List.copyOf(reported);
    }

    /**
     * Lists what is missing or inconsistent; an empty list means the manifest is usable.
     * Hashes are not checked here: {@link ModelBundle#open} does that against the content.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            problems.add("format_version " + formatVersion + " is not supported (this software reads 1.."
                    + FORMAT_VERSION + "); update the device software or re-export the bundle");
        }
        requireText(problems, "name", name);
        requireText(problems, "version", version);
        requireText(problems, "model_file", modelFile);
        if (task == null) {
            problems.add("task is missing (classification or detection)");
        }
        checkInput(problems);
        if (outputs == null || outputs.isEmpty()) {
            problems.add("outputs is missing or empty");
        } else {
            ManifestLimits.checkOutputs(outputs, problems);
        }
        if (decoder == null || decoder.type() == null || decoder.output() == null) {
            problems.add("decoder needs a type and an output");
        } else if (outputs != null && outputs.stream().noneMatch(o -> decoder.output().equals(o.name()))) {
            problems.add("decoder.output '" + decoder.output() + "' is not one of the outputs");
        }
        if (labels == null || labels.isEmpty()) {
            problems.add("labels is missing or empty");
        } else if (task == Task.CLASSIFICATION && decoder != null && outputs != null) {
            ManifestLimits.checkClassCount(this, problems);
        }
        if (decoder != null && decoder.parameters() != null && decoder.parameters().containsKey(DecoderSpec.REJECT_LABEL)) {
            Object reject = decoder.parameters().get(DecoderSpec.REJECT_LABEL);
            if (task != Task.CLASSIFICATION) {
                problems.add("decoder.parameters.reject_label is for classifiers; this bundle's task is " + task);
            } else if (!(reject instanceof String) || labels == null || !labels.contains(reject)) {
                problems.add("decoder.parameters.reject_label " + reject + " is not one of labels " + labels);
            }
        }
        if (sequence != null && sequence < 0) {
            problems.add("sequence must be 0 or more, got " + sequence);
        }
        if (requires != null && requires.tensorrtMajor() != null && requires.tensorrtMajor() < 1) {
            problems.add("requires.tensorrt_major must be 1 or more, got " + requires.tensorrtMajor());
        }
        if (quantization != null && (quantization.precision() == null || quantization.precision().isBlank())) {
            problems.add("quantization.precision is missing (e.g. " + Quantization.INT8 + ")");
        }
        if (files == null || modelFile == null || !files.containsKey(modelFile)) {
            problems.add("files does not list model_file '" + modelFile + "'");
        }
        return problems;
    }

    private void checkInput(List<String> problems) {
        if (input == null) {
            problems.add("input is missing");
            return;
        }
        requireText(problems, "input.name", input.name());
        if (input.shape() == null || input.shape().size() != 4) {
            problems.add("input.shape must have 4 dimensions (batch, and three of channels/height/width), got "
                    + input.shape());
            return;
        }
        if (!"NCHW".equals(input.layout()) && !"NHWC".equals(input.layout())) {
            problems.add("input.layout must be NCHW or NHWC, got " + input.layout());
            return;
        }
        if (input.shape().stream().anyMatch(java.util.Objects::isNull)) {
            problems.add("input.shape has an empty dimension: " + input.shape());
            return;
        }
        int channels = input.channels();
        if (input.height() <= 0 || input.width() <= 0 || channels <= 0) {
            problems.add("input.shape has a non-positive channel, height or width: " + input.shape());
            return;
        }
        if (!ManifestLimits.checkInputShape(input, problems)) {
            return;
        }
        if (input.valueRange() == null || input.valueRange().size() != 2) {
            problems.add("input.value_range must be [low, high]");
        } else {
            ManifestLimits.checkValueRange(input.valueRange(), problems);
        }
        if (input.mean() == null || input.mean().size() != channels
                || input.std() == null || input.std().size() != channels) {
            problems.add("input.mean and input.std need one value per channel (" + channels + ")");
        } else if (input.std().stream().anyMatch(s -> s == null || s == 0.0)) {
            problems.add("input.std has a zero");
        } else {
            ManifestLimits.checkNormalisation(input, problems);
        }
        if (input.polarity() == null) {
            problems.add("input.polarity is missing (light_on_dark, dark_on_light or natural)");
        }
    }

    private static void requireText(List<String> problems, String key, String value) {
        if (value == null || value.isBlank()) {
            problems.add(key + " is missing");
        }
    }
}
