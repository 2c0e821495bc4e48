package dev.edgevision.tensorrt.serve;

import java.util.Locale;

/**
 * Where the background engine build stands, for the log and the MQTT status.
 *
 * @param state the phase
 * @param precision the precision being built or served ({@code fp16}), or null before it is known
 * @param detail the latest progress line while working, the failure's reason when failed, the backend when ready
 * @param elapsedSeconds seconds since the build started
 */
public record EngineStatus(State state, String precision, String detail, long elapsedSeconds) {
    /** The phases, in the order a build goes through them. */
    public enum State {
        /** Reading the GPU and TensorRT versions, resolving what to build. */
        PREPARING,
        /** Building the engine (minutes on a device); the CPU backend serves meanwhile. */
        BUILDING,
        /** Deserialising a cached or new engine. */
        LOADING,
        /** Comparing the engine's outputs with ONNX Runtime's on the reference inputs. */
        VALIDATING,
        /** The engine passed and the pipelines switch to it. */
        READY,
        /** No engine will be used; {@code detail} says why. The CPU backend keeps serving. */
        FAILED,
        /** The build did not finish within the configured time; the CPU backend keeps serving. */
        TIMED_OUT,
        /** The service stopped before the build ended. */
        STOPPED;

        /** Lower-case name as the status topic carries it. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the build has ended one way or another. */
        public boolean finished() {
            return this == READY || this == FAILED || this == TIMED_OUT || this == STOPPED;
        }
    }

    /** One line: {@code building fp16 engine (2 min 10 s): <detail>}. */
    public String summary() {
        String what = precision == null ? "engine" : precision + " engine";
        String time = elapsedSeconds >= 60 ? (elapsedSeconds / 60) + " min " + (elapsedSeconds % 60) + " s"
                : elapsedSeconds + " s";
        String head = switch (state) {
            case PREPARING -> "preparing the TensorRT " + what;
            case BUILDING -> "building the TensorRT " + what + " (" + time + ")";
            case LOADING -> "loading the TensorRT " + what;
            case VALIDATING -> "validating the TensorRT " + what + " against ONNX Runtime";
            case READY -> "TensorRT " + what + " ready";
            case FAILED -> "TensorRT " + what + " not used";
            case TIMED_OUT -> "TensorRT " + what + " build timed out after " + time;
            case STOPPED -> "TensorRT " + what + " build stopped";
        };
        return detail == null || detail.isBlank() ? head : head + ": " + detail;
    }
}
