package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;

/** Opens a model runner; the reference (ONNX Runtime) runner for validation is made this way. */
@FunctionalInterface
public interface RunnerFactory {
    ModelRunner open() throws DetectorException;
}
