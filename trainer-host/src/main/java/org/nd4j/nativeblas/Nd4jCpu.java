package org.nd4j.nativeblas;

/**
 * Restores the class DL4J 1.0.0-M2.1's oneDNN helper check looks up by name
 * ({@code BaseMKLDNNHelper.mklDnnEnabled()} reflects on {@code org.nd4j.nativeblas.Nd4jCpu$Environment},
 * which that release moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings}). Without it the check
 * fails and DL4J never uses oneDNN for convolution, batch-norm or pooling. It answers with the
 * loaded native library's own report, so the helpers turn on only in a oneDNN build.
 * See {@link dev.edgevision.trainer.backend.Nd4jSetup}.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The environment view the helper check calls: {@code getInstance().isUseMKLDNN()}. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** The single instance, as the native class has. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded nd4j-native build uses oneDNN. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
