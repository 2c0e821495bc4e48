package dev.edgevision.tensorrt;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.tensorrt.build.EngineRecipe;
import dev.edgevision.tensorrt.serve.LoadedEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;

/**
 * A deserialised engine whose inputs and outputs were checked against the bundle's manifest
 * (names, direction, float32, sample shapes), shared by the {@link TrtRunner}s of all pipelines.
 */
public final class TrtEngine implements LoadedEngine {
    private final ICudaEngine engine;
    private final EngineRecipe recipe;
    private final ModelManifest manifest;
    private final boolean mapped;
    private final String backend;
    private final int[] outputSamples;

    private TrtEngine(ICudaEngine engine, EngineRecipe recipe, ModelManifest manifest, boolean mapped) {
        this.engine = engine;
        this.recipe = recipe;
        this.manifest = manifest;
        this.mapped = mapped;
        this.backend = "tensorrt-" + recipe.precision().wireName() + (recipe.usesDla() ? "-dla" + recipe.dlaCore() : "");
        this.outputSamples = new int[manifest.outputs().size()];
        for (int i = 0; i < outputSamples.length; i++) {
            outputSamples[i] = BundleSamples.outputSampleSize(manifest, i);
        }
    }

    /**
     * Deserialises {@code plan} with the process's runtime and checks its tensors against {@code manifest}.
     *
     * @param mapped whether runners share mapped host memory with the GPU instead of copying
     */
    public static TrtEngine load(byte[] plan, EngineRecipe recipe, ModelManifest manifest, boolean mapped)
            throws DetectorException {
        try {
            TrtLibrary library = TrtLibrary.get();
            library.log().clearErrors();
            ICudaEngine engine;
            try (BytePointer bytes = new BytePointer(plan)) {
                engine = Native.deserialize(library.runtime(), bytes, plan.length);
            }
            if (engine == null || engine.isNull()) {
                throw new DetectorException("deserializeCudaEngine failed: the engine was made by another TensorRT or"
                        + " for another GPU, or is damaged; delete it from the engine cache" + library.log().errorSuffix());
            }
            List<String> problems = check(engine, recipe, manifest);
            if (!problems.isEmpty()) {
                Native.release(engine);
                throw new DetectorException("the engine does not match the bundle: " + String.join("; ", problems));
            }
            return new TrtEngine(engine, recipe, manifest, mapped);
        } catch (TensorRtException | CudaException e) {
            throw new DetectorException(e.getMessage(), e);
        }
    }

    private static List<String> check(ICudaEngine engine, EngineRecipe recipe, ModelManifest manifest) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Native.ioTensors(engine); i++) {
            names.add(Native.ioTensorName(engine, i));
        }
        List<String> problems = new ArrayList<>();
        String input = recipe.profile().name();
        if (!names.contains(input) || !Native.isInput(engine, input) || !Native.isFloat(engine, input)) {
            problems.add("no float32 input '" + input + "' among " + names);
        }
        List<String> listed = manifest.outputs().stream().map(OutputSpec::name).toList();
        for (String name : names) {
            if (!name.equals(input) && !listed.contains(name)) {
                problems.add("the graph has tensor '" + name + "' that the manifest does not list among its outputs;"
                        + " list every output of the graph in the manifest");
            }
        }
        for (OutputSpec out : manifest.outputs()) {
            if (!names.contains(out.name()) || Native.isInput(engine, out.name()) || !Native.isFloat(engine, out.name())) {
                problems.add("no float32 output '" + out.name() + "' among " + names);
                continue;
            }
            long[] shape = Native.tensorShape(engine, out.name());
            long[] sample = Arrays.copyOfRange(shape, 1, shape.length);
            long[] expected = out.shape().subList(1, out.shape().size()).stream().mapToLong(Integer::longValue).toArray();
            if (!Arrays.equals(sample, expected)) {
                problems.add("output '" + out.name() + "' has shape " + Arrays.toString(shape) + ", the manifest says "
                        + out.shape());
            }
        }
        return problems;
    }

    @Override
    public ModelRunner newRunner() throws DetectorException {
        try {
            return new TrtRunner(this);
        } catch (TensorRtException | CudaException e) {
            throw new DetectorException(backend + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String backend() {
        return backend;
    }

    ICudaEngine handle() {
        return engine;
    }

    EngineRecipe recipe() {
        return recipe;
    }

    boolean mapped() {
        return mapped;
    }

    List<String> outputNames() {
        return manifest.outputs().stream().map(OutputSpec::name).toList();
    }

    String decoderOutput() {
        return manifest.decoder().output();
    }

    int[] outputSamples() {
        return outputSamples.clone();
    }

    /** Releases the engine; close its runners first. */
    @Override
    public void close() {
        Native.release(engine);
    }
}
