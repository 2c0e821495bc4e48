package dev.edgevision.tensorrt.build;

/**
 * Builds a serialised TensorRT engine (a plan) from an ONNX graph. Builds take minutes on a
 * device; implementations report progress and stop when their thread is interrupted as soon as
 * they can (a native build call cannot be interrupted: its result is then discarded).
 */
public interface EngineBuilder {
    /** Short name for logs and cache headers: {@code in-process}, {@code trtexec}. */
    String name();

    /** Builds the engine {@code request} describes. */
    BuiltEngine build(BuildRequest request, BuildProgress progress) throws EngineBuildException, InterruptedException;
}
