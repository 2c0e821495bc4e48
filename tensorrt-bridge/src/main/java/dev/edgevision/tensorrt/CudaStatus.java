package dev.edgevision.tensorrt;

import java.util.Map;

/**
 * What a {@code cudaError_t} number means and what a user can do about it. The numbers are CUDA's
 * (the same in CUDA 12 and 13); codes not listed here are reported by number and CUDA's own text.
 */
public final class CudaStatus {
    /** Name and advice of one status code. */
    record Entry(String name, String advice) {
    }

    private static final String REBOOT = "reboot the device; if it persists, reinstall the JetPack";
    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            Map.entry(1, new Entry("cudaErrorInvalidValue", "a bug in the device software: report it with the log")),
            Map.entry(2, new Entry("cudaErrorMemoryAllocation",
                    "out of GPU memory: lower tensorrt.workspace_mb, use fewer cameras, or stop other GPU programs")),
            Map.entry(3, new Entry("cudaErrorInitializationError",
                    "the CUDA driver could not start: check that the NVIDIA driver is loaded (nvidia-smi or tegrastats)")),
            Map.entry(4, new Entry("cudaErrorCudartUnloading", "the service is shutting down")),
            Map.entry(34, new Entry("cudaErrorStubLibrary",
                    "a CUDA stub library was loaded instead of the driver: fix LD_LIBRARY_PATH")),
            Map.entry(35, new Entry("cudaErrorInsufficientDriver",
                    "the NVIDIA driver is older than the CUDA this build needs: build with the profile of the"
                            + " installed JetPack (-Djetpack=6 for JetPack 6) or update the JetPack")),
            Map.entry(36, new Entry("cudaErrorCallRequiresNewerDriver", "update the JetPack or the NVIDIA driver")),
            Map.entry(46, new Entry("cudaErrorDevicesUnavailable",
                    "the GPU is busy or exclusive to another process: stop it or change the compute mode")),
            Map.entry(98, new Entry("cudaErrorInvalidDeviceFunction",
                    "the engine or library has no code for this GPU: rebuild the engine on this device")),
            Map.entry(100, new Entry("cudaErrorNoDevice", "no CUDA GPU is visible: this machine has none, or the"
                    + " service user lacks access to /dev/nvhost* or /dev/nvidia* (add it to the video group)")),
            Map.entry(101, new Entry("cudaErrorInvalidDevice", "the GPU number does not exist on this machine")),
            Map.entry(205, new Entry("cudaErrorMapBufferObjectFailed", "set tensorrt.host_memory to pinned")),
            Map.entry(209, new Entry("cudaErrorNoKernelImageForDevice",
                    "the library was not built for this GPU's compute capability: use the JetPack's own TensorRT")),
            Map.entry(214, new Entry("cudaErrorECCUncorrectable", "a GPU memory fault: " + REBOOT)),
            Map.entry(222, new Entry("cudaErrorUnsupportedPtxVersion", "update the JetPack or the NVIDIA driver")),
            Map.entry(304, new Entry("cudaErrorOperatingSystem", "the operating system refused a CUDA call: " + REBOOT)),
            Map.entry(400, new Entry("cudaErrorInvalidResourceHandle",
                    "a stream or buffer was used after it was freed: a bug, report it with the log")),
            Map.entry(700, new Entry("cudaErrorIllegalAddress", "the GPU read outside a buffer: the engine does not"
                    + " match its buffers; delete the engine cache and restart")),
            Map.entry(701, new Entry("cudaErrorLaunchOutOfResources", "lower the batch size or tensorrt.workspace_mb")),
            Map.entry(712, new Entry("cudaErrorHostMemoryAlreadyRegistered", "a bug: report it with the log")),
            Map.entry(714, new Entry("cudaErrorHardwareStackError", "the GPU faulted: " + REBOOT)),
            Map.entry(715, new Entry("cudaErrorIllegalInstruction", "the GPU faulted: " + REBOOT)),
            Map.entry(719, new Entry("cudaErrorLaunchFailure", "the GPU faulted while running: " + REBOOT)),
            Map.entry(800, new Entry("cudaErrorNotPermitted", "the operation is not allowed in this state: a bug")),
            Map.entry(801, new Entry("cudaErrorNotSupported",
                    "this GPU does not support the operation: set tensorrt.host_memory to pinned")),
            Map.entry(802, new Entry("cudaErrorSystemNotReady", "the GPU is still starting: try again in a minute")),
            Map.entry(803, new Entry("cudaErrorSystemDriverMismatch",
                    "the NVIDIA kernel driver and its user libraries differ: reboot after a JetPack update")),
            Map.entry(804, new Entry("cudaErrorCompatNotSupportedOnDevice",
                    "this CUDA compatibility package does not support the GPU: use the JetPack's own CUDA")),
            Map.entry(909, new Entry("cudaErrorTimeout", "the GPU did not answer in time: " + REBOOT)),
            Map.entry(999, new Entry("cudaErrorUnknown", REBOOT)));

    private CudaStatus() {
    }

    /** CUDA's name for {@code code}, e.g. {@code cudaErrorMemoryAllocation}, or {@code cudaError N}. */
    public static String name(int code) {
        Entry e = TABLE.get(code);
        return e != null ? e.name() : "cudaError " + code;
    }

    /** What to do about {@code code}, or a generic hint for codes not listed. */
    public static String advice(int code) {
        Entry e = TABLE.get(code);
        return e != null ? e.advice() : "see CUDA's documentation of this code; report it with the log";
    }

    /**
     * The one-line message for a failed call: operation, CUDA's name and number, CUDA's own text
     * when known, and what to do.
     */
    public static String describe(String operation, int code, String cudaText) {
        String text = cudaText == null || cudaText.isBlank() ? "" : " (" + cudaText + ")";
        return operation + " failed: " + name(code) + " [" + code + "]" + text + "; " + advice(code);
    }
}
