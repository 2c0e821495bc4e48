package dev.edgevision.tensorrt;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaFreeHost;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceProperties;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;
import static org.bytedeco.cuda.global.cudart.cudaHostAlloc;
import static org.bytedeco.cuda.global.cudart.cudaHostAllocDefault;
import static org.bytedeco.cuda.global.cudart.cudaHostAllocMapped;
import static org.bytedeco.cuda.global.cudart.cudaHostGetDevicePointer;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpy;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaRuntimeGetVersion;
import static org.bytedeco.cuda.global.cudart.cudaStreamCreate;
import static org.bytedeco.cuda.global.cudart.cudaStreamDestroy;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import dev.edgevision.tensorrt.build.BuilderFlag;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.cudart.cudaDeviceProp;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorrt.global.nvinfer;
import org.bytedeco.tensorrt.global.nvonnxparser;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.IBuilder;
import org.bytedeco.tensorrt.nvinfer.IBuilderConfig;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;
import org.bytedeco.tensorrt.nvinfer.IHostMemory;
import org.bytedeco.tensorrt.nvinfer.IInt8Calibrator;
import org.bytedeco.tensorrt.nvinfer.ILogger;
import org.bytedeco.tensorrt.nvinfer.INetworkDefinition;
import org.bytedeco.tensorrt.nvinfer.IOptimizationProfile;
import org.bytedeco.tensorrt.nvinfer.IRuntime;
import org.bytedeco.tensorrt.nvinfer.ITimingCache;
import org.bytedeco.tensorrt.nvonnxparser.IParser;
import org.bytedeco.tensorrt.nvonnxparser.IParserError;

/**
 * Every raw call into CUDA and TensorRT (through the JavaCPP presets), and nothing else: each
 * returns what the library returned (a status number, a possibly null object, a flag), unchecked.
 * The public wrappers around it check every result. Only TensorRT 10 calls that 10.3 (JetPack 6)
 * already has are used.
 */
final class Native {
    private Native() {
    }

    /** Loads the JNI libraries of the presets, which link the system's libcudart, libnvinfer and libnvonnxparser. */
    static void load() {
        Loader.load(org.bytedeco.cuda.global.cudart.class);
        Loader.load(nvinfer.class);
        Loader.load(nvonnxparser.class);
    }

    // ---- CUDA runtime ----

    static int deviceCount(int[] count) {
        return cudaGetDeviceCount(count);
    }

    static int deviceProperties(cudaDeviceProp properties, int device) {
        return cudaGetDeviceProperties(properties, device);
    }

    static int runtimeVersion(int[] version) {
        return cudaRuntimeGetVersion(version);
    }

    static String errorText(int code) {
        BytePointer text = cudaGetErrorString(code);
        return text == null ? null : text.getString();
    }

    static int streamCreate(CUstream_st stream) {
        return cudaStreamCreate(stream);
    }

    static int streamSynchronize(CUstream_st stream) {
        return cudaStreamSynchronize(stream);
    }

    static int streamDestroy(CUstream_st stream) {
        return cudaStreamDestroy(stream);
    }

    static int deviceAlloc(Pointer into, long bytes) {
        return cudaMalloc(into, bytes);
    }

    static int deviceFree(Pointer memory) {
        return cudaFree(memory);
    }

    static int hostAlloc(Pointer into, long bytes, boolean mapped) {
        return cudaHostAlloc(into, bytes, mapped ? cudaHostAllocMapped : cudaHostAllocDefault);
    }

    static int hostDevicePointer(Pointer into, Pointer host) {
        return cudaHostGetDevicePointer(into, host, 0);
    }

    static int hostFree(Pointer memory) {
        return cudaFreeHost(memory);
    }

    static int copyToDevice(Pointer device, Pointer host, long bytes) {
        return cudaMemcpy(device, host, bytes, cudaMemcpyHostToDevice);
    }

    static int copyAsync(Pointer to, Pointer from, long bytes, boolean toDevice, CUstream_st stream) {
        return cudaMemcpyAsync(to, from, bytes, toDevice ? cudaMemcpyHostToDevice : cudaMemcpyDeviceToHost, stream);
    }

    // ---- TensorRT: library, builder, parser ----

    static int inferLibVersion() {
        return nvinfer.getInferLibVersion();
    }

    static int headerVersion() {
        return nvinfer.NV_TENSORRT_VERSION();
    }

    static IBuilder createBuilder(ILogger logger) {
        return nvinfer.createInferBuilder(logger);
    }

    static IRuntime createRuntime(ILogger logger) {
        return nvinfer.createInferRuntime(logger);
    }

    static int dlaCores(IRuntime runtime) {
        return runtime.getNbDLACores();
    }

    static boolean fastFp16(IBuilder builder) {
        return builder.platformHasFastFp16();
    }

    static boolean fastInt8(IBuilder builder) {
        return builder.platformHasFastInt8();
    }

    /** A network definition; explicit batch is the only mode in TensorRT 10, so no creation flags. */
    static INetworkDefinition createNetwork(IBuilder builder) {
        return builder.createNetworkV2(0);
    }

    static IParser createParser(INetworkDefinition network, ILogger logger) {
        return nvonnxparser.createParser(network, logger);
    }

    static boolean parse(IParser parser, BytePointer onnx, long bytes) {
        return parser.parse(onnx, bytes);
    }

    static int parserErrors(IParser parser) {
        return parser.getNbErrors();
    }

    /** Parser error {@code i} as one line: node index, name, operator, code and description. */
    static String parserError(IParser parser, int i) {
        IParserError e = parser.getError(i);
        return "node " + e.node() + " '" + e.nodeName() + "' (" + e.nodeOperator() + "): " + e.code() + ": " + e.desc();
    }

    static IBuilderConfig createConfig(IBuilder builder) {
        return builder.createBuilderConfig();
    }

    static IOptimizationProfile createProfile(IBuilder builder) {
        return builder.createOptimizationProfile();
    }

    static void setWorkspace(IBuilderConfig config, long bytes) {
        config.setMemoryPoolLimit(nvinfer.MemoryPoolType.kWORKSPACE, bytes);
    }

    static void setFlag(IBuilderConfig config, BuilderFlag flag) {
        config.setFlag(switch (flag) {
            case FP16 -> nvinfer.BuilderFlag.kFP16;
            case INT8 -> nvinfer.BuilderFlag.kINT8;
            case GPU_FALLBACK -> nvinfer.BuilderFlag.kGPU_FALLBACK;
        });
    }

    static void useDla(IBuilderConfig config, int core) {
        config.setDefaultDeviceType(nvinfer.DeviceType.kDLA);
        config.setDLACore(core);
    }

    /** Sets the min, opt or max ({@code selector} 0, 1, 2) shape of {@code input}. */
    static boolean setProfileShape(IOptimizationProfile profile, String input, int selector, Dims64 dims) {
        nvinfer.OptProfileSelector which = switch (selector) {
            case 0 -> nvinfer.OptProfileSelector.kMIN;
            case 1 -> nvinfer.OptProfileSelector.kOPT;
            default -> nvinfer.OptProfileSelector.kMAX;
        };
        return profile.setDimensions(input, which, dims);
    }

    static int addProfile(IBuilderConfig config, IOptimizationProfile profile) {
        return config.addOptimizationProfile(profile);
    }

    static boolean setCalibrationProfile(IBuilderConfig config, IOptimizationProfile profile) {
        return config.setCalibrationProfile(profile);
    }

    static void setCalibrator(IBuilderConfig config, IInt8Calibrator calibrator) {
        config.setInt8Calibrator(calibrator);
    }

    static ITimingCache createTimingCache(IBuilderConfig config, BytePointer blob, long bytes) {
        return config.createTimingCache(blob, bytes);
    }

    static boolean setTimingCache(IBuilderConfig config, ITimingCache cache) {
        return config.setTimingCache(cache, false);
    }

    static IHostMemory serializeTimingCache(IBuilderConfig config) {
        ITimingCache cache = config.getTimingCache();
        return cache == null ? null : cache.serialize();
    }

    static IHostMemory buildSerialized(IBuilder builder, INetworkDefinition network, IBuilderConfig config) {
        return builder.buildSerializedNetwork(network, config);
    }

    static byte[] bytes(IHostMemory memory) {
        byte[] bytes = new byte[(int) memory.size()];
        new BytePointer(memory.data()).capacity(memory.size()).get(bytes);
        return bytes;
    }

    // ---- TensorRT: runtime, engine, execution ----

    static ICudaEngine deserialize(IRuntime runtime, BytePointer plan, long bytes) {
        return runtime.deserializeCudaEngine(plan, bytes);
    }

    static int ioTensors(ICudaEngine engine) {
        return engine.getNbIOTensors();
    }

    static String ioTensorName(ICudaEngine engine, int i) {
        return engine.getIOTensorName(i);
    }

    static boolean isInput(ICudaEngine engine, String name) {
        return engine.getTensorIOMode(name) == nvinfer.TensorIOMode.kINPUT;
    }

    static boolean isFloat(ICudaEngine engine, String name) {
        return engine.getTensorDataType(name) == nvinfer.DataType.kFLOAT;
    }

    static long[] tensorShape(ICudaEngine engine, String name) {
        Dims64 dims = engine.getTensorShape(name);
        long[] shape = new long[dims.nbDims()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.d(i);
        }
        return shape;
    }

    static IExecutionContext createContext(ICudaEngine engine) {
        return engine.createExecutionContext();
    }

    static boolean setInputShape(IExecutionContext context, String input, Dims64 dims) {
        return context.setInputShape(input, dims);
    }

    static boolean setTensorAddress(IExecutionContext context, String name, Pointer address) {
        return context.setTensorAddress(name, address);
    }

    static boolean enqueue(IExecutionContext context, CUstream_st stream) {
        return context.enqueueV3(stream);
    }

    /**
     * Releases a TensorRT object. With the 1.5.11 and 1.5.13 presets this only drops Java's handle:
     * they attach no deleter to objects TensorRT creates (bytedeco/javacpp-presets#1699), so their
     * native memory is returned when the process ends.
     */
    static void release(Pointer object) {
        if (object != null && !object.isNull()) {
            object.close();
        }
    }
}
