package dev.edgevision.tensorrt;

import dev.edgevision.core.io.AtomicFile;
import dev.edgevision.tensorrt.build.BuildProgress;
import dev.edgevision.tensorrt.build.BuildRequest;
import dev.edgevision.tensorrt.build.BuilderFlag;
import dev.edgevision.tensorrt.build.BuilderTarget;
import dev.edgevision.tensorrt.build.BuiltEngine;
import dev.edgevision.tensorrt.build.EngineBuildException;
import dev.edgevision.tensorrt.build.EngineBuilder;
import dev.edgevision.tensorrt.build.EngineRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.IBuilder;
import org.bytedeco.tensorrt.nvinfer.IBuilderConfig;
import org.bytedeco.tensorrt.nvinfer.IHostMemory;
import org.bytedeco.tensorrt.nvinfer.INetworkDefinition;
import org.bytedeco.tensorrt.nvinfer.IOptimizationProfile;
import org.bytedeco.tensorrt.nvinfer.ITimingCache;
import org.bytedeco.tensorrt.nvonnxparser.IParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds engines in this process with TensorRT's ONNX parser and {@code buildSerializedNetwork},
 * applying the recipe to the builder configuration: workspace pool limit, precision flags, DLA
 * core with GPU fallback, the input's optimisation profile, the INT8 entropy calibrator fed from
 * the bundle's images, and the timing cache (read before, written atomically after). Every parser
 * error is reported with its node.
 */
public final class InProcessEngineBuilder implements EngineBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEngineBuilder.class);

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public BuiltEngine build(BuildRequest request, BuildProgress progress) throws EngineBuildException, InterruptedException {
        TrtLibrary library;
        try {
            library = TrtLibrary.get();
        } catch (TensorRtException | LinkageError e) {
            throw new EngineBuildException(EngineBuildException.Kind.NATIVE_LIBRARY, e.getMessage(), e);
        }
        TrtLog log = library.log();
        log.clearErrors();
        log.startProgress(progress);
        try (NativeHandles handles = new NativeHandles(log)) {
            IBuilder builder = handles.add(Native.createBuilder(log), "createInferBuilder");
            checkCapabilities(builder, request.recipe());
            INetworkDefinition network = handles.add(Native.createNetwork(builder), "createNetworkV2");
            IParser parser = handles.add(Native.createParser(network, log), "createParser");
            parse(parser, request, handles);
            IBuilderConfig config = handles.add(Native.createConfig(builder), "createBuilderConfig");
            configure(builder, config, request, handles);
            progress.report("building (this takes minutes on a device)");
            IHostMemory plan = handles.add(Native.buildSerialized(builder, network, config), "buildSerializedNetwork");
            if (Thread.interrupted()) {
                throw new InterruptedException("the build was stopped; its engine is discarded");
            }
            saveTimingCache(config, request, handles);
            return new BuiltEngine(Native.bytes(plan), name());
        } catch (TensorRtException | CudaException e) {
            throw new EngineBuildException(EngineBuildException.Kind.BUILD, e.getMessage(), e);
        } catch (LinkageError e) {
            throw new EngineBuildException(EngineBuildException.Kind.NATIVE_LIBRARY,
                    NativeLoadFailure.explain(e), e);
        } finally {
            log.endProgress();
        }
    }

    private static void checkCapabilities(IBuilder builder, EngineRecipe recipe) {
        if (recipe.flags().contains(BuilderFlag.FP16) && !Native.fastFp16(builder)) {
            LOG.warn("TensorRT reports no fast FP16 on this GPU although its compute capability suggested it");
        }
        if (recipe.flags().contains(BuilderFlag.INT8) && !Native.fastInt8(builder)) {
            LOG.warn("TensorRT reports no fast INT8 on this GPU although its compute capability suggested it");
        }
    }

    private static void parse(IParser parser, BuildRequest request, NativeHandles handles) throws EngineBuildException {
        BytePointer onnx = handles.add(new BytePointer(request.onnx()), "copying the ONNX graph");
        if (!Native.parse(parser, onnx, request.onnx().length)) {
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < Native.parserErrors(parser); i++) {
                errors.add(Native.parserError(parser, i));
            }
            throw new EngineBuildException(EngineBuildException.Kind.PARSE, "TensorRT's ONNX parser refused the model"
                    + " of " + request.model() + " (" + errors.size() + " errors): " + String.join("; ", errors));
        }
    }

    private static void configure(IBuilder builder, IBuilderConfig config, BuildRequest request, NativeHandles handles) {
        BuilderTarget.apply(request.recipe(), new BuilderTarget() {
            @Override
            public void workspace(long bytes) {
                Native.setWorkspace(config, bytes);
            }

            @Override
            public void flag(BuilderFlag flag) {
                Native.setFlag(config, flag);
            }

            @Override
            public void dla(int core) {
                Native.useDla(config, core);
            }

            @Override
            public void profile(String input, long[] min, long[] opt, long[] max) {
                IOptimizationProfile profile = shapes(builder, input, new long[][] {min, opt, max}, handles);
                if (Native.addProfile(config, profile) < 0) {
                    throw new TensorRtException("addOptimizationProfile refused the shapes of '" + input + "'");
                }
            }

            @Override
            public void calibrator(String input, int batch, boolean dynamic) {
                EntropyCalibrator calibrator = handles.add(new EntropyCalibrator(request.calibration(),
                        request.calibrationCache(), input));
                Native.setCalibrator(config, calibrator);
                long[] dims = request.recipe().profile().dims(batch);
                if (dynamic && !Native.setCalibrationProfile(config, shapes(builder, input,
                        new long[][] {dims, dims, dims}, handles))) {
                    throw new TensorRtException("setCalibrationProfile refused batch " + batch);
                }
            }
        });
        loadTimingCache(config, request, handles);
    }

    /** A profile with the min, opt and max shapes {@code dims} of {@code input}. */
    private static IOptimizationProfile shapes(IBuilder builder, String input, long[][] dims, NativeHandles handles) {
        IOptimizationProfile profile = handles.add(Native.createProfile(builder), "createOptimizationProfile");
        for (int selector = 0; selector < 3; selector++) {
            Dims64 d = handles.add(TrtRunner.dims(dims[selector]), "Dims64");
            if (!Native.setProfileShape(profile, input, selector, d)) {
                throw new TensorRtException("the optimisation profile refused " + input + " "
                        + java.util.Arrays.toString(dims[selector]));
            }
        }
        return profile;
    }

    private static void loadTimingCache(IBuilderConfig config, BuildRequest request, NativeHandles handles) {
        byte[] saved = new byte[0];
        try {
            if (Files.isRegularFile(request.timingCache())) {
                saved = Files.readAllBytes(request.timingCache());
            }
        } catch (IOException e) {
            LOG.warn("the timing cache {} cannot be read ({}); starting a new one", request.timingCache(), e.getMessage());
        }
        BytePointer blob = saved.length == 0 ? null : handles.add(new BytePointer(saved), "copying the timing cache");
        ITimingCache cache = Native.createTimingCache(config, blob, saved.length);
        if ((cache == null || cache.isNull() || !Native.setTimingCache(config, cache)) && saved.length > 0) {
            LOG.warn("the timing cache {} does not fit this TensorRT; starting a new one", request.timingCache());
            cache = Native.createTimingCache(config, null, 0);
            if (cache != null && !cache.isNull()) {
                Native.setTimingCache(config, cache);
            }
        }
        if (cache != null && !cache.isNull()) {
            handles.add(cache, "createTimingCache");
        }
    }

    private static void saveTimingCache(IBuilderConfig config, BuildRequest request, NativeHandles handles) {
        IHostMemory serialized = Native.serializeTimingCache(config);
        if (serialized == null || serialized.isNull()) {
            return;
        }
        handles.add(serialized, "serialising the timing cache");
        try {
            AtomicFile.write(request.timingCache(), Native.bytes(serialized));
        } catch (IOException e) {
            LOG.warn("the timing cache {} cannot be written ({}); the next build starts without it",
                    request.timingCache(), e.getMessage());
        }
    }
}
