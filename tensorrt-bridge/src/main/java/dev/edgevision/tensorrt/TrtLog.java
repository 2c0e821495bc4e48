package dev.edgevision.tensorrt;

import dev.edgevision.tensorrt.build.BuildProgress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bytedeco.tensorrt.nvinfer.ILogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorRT's logger: errors and warnings go to the service log, informational lines to the debug
 * log and to the progress of the build running at the time; the latest errors are kept so that an
 * exception can carry TensorRT's own reason. One per process, shared by builder and runtime.
 */
final class TrtLog extends ILogger {
    private static final Logger LOG = LoggerFactory.getLogger("tensorrt");
    private static final int KEPT = 20;
    private final Deque<String> errors = new ArrayDeque<>();
    private volatile BuildProgress progress = BuildProgress.NONE;

    @Override
    public void log(Severity severity, String message) {
        try {
            switch (severity.intern()) {
                case kINTERNAL_ERROR, kERROR -> {
                    LOG.error("{}", message);
                    synchronized (errors) {
                        errors.addLast(message);
                        if (errors.size() > KEPT) {
                            errors.removeFirst();
                        }
                    }
                }
                case kWARNING -> LOG.warn("{}", message);
                case kINFO -> {
                    LOG.debug("{}", message);
                    progress.report(message);
                }
                default -> LOG.trace("{}", message);
            }
        } catch (RuntimeException e) {
            // never let an exception travel back into TensorRT's native code
        }
    }

    /** Sends informational lines to {@code newProgress} until {@link #endProgress()}. */
    void startProgress(BuildProgress newProgress) {
        progress = newProgress;
    }

    void endProgress() {
        progress = BuildProgress.NONE;
    }

    /** Forgets the errors logged so far; call before an operation whose errors should be reported. */
    void clearErrors() {
        synchronized (errors) {
            errors.clear();
        }
    }

    /** The errors logged since {@link #clearErrors()}, oldest first. */
    List<String> errors() {
        synchronized (errors) {
            return new ArrayList<>(errors);
        }
    }

    /** {@code ": error one | error two"}, or empty when TensorRT logged no error. */
    String errorSuffix() {
        List<String> list = errors();
        return list.isEmpty() ? "" : ": " + String.join(" | ", list);
    }
}
