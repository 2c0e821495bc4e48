package dev.edgevision.trainer.detector.bench;

import dev.edgevision.trainer.detector.net.ClassLoss;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.net.DetectorNetwork;
import dev.edgevision.trainer.detector.net.LeakyReluLayer;
import java.io.PrintStream;
import java.util.Random;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;

/**
 * Measures how many examples per second DL4J trains a detector network at, on synthetic inputs and
 * YOLOv2 labels made once (so only the network's forward, backward and update are timed), the way
 * {@code torch_reference_train.py} measures PyTorch on the same network.
 */
public final class TrainingSpeedBenchmark {
    /** One measurement. */
    public record Figures(double examplesPerSecond, double msPerIteration, double cpuMsPerExample, long peakRssBytes) {
    }

    private final DetectorArchitecture arch;
    private final boolean squaredError;
    private final CNN2DFormat stageLayout;
    private final LeakyReluLayer activation;

    /**
     * @param squaredError train with a squared-error loss on the raw output (as the PyTorch reference
     *     script does) instead of the YOLOv2 loss
     */
    public TrainingSpeedBenchmark(DetectorArchitecture arch, boolean squaredError) {
        this(arch, squaredError, DetectorNetwork.TRAINING_LAYOUT, LeakyReluLayer.IN_PLACE);
    }

    /**
     * A benchmark of the network with its convolution stages in {@code stageLayout} and its leaky
     * ReLUs applied by {@code activation}.
     */
    public TrainingSpeedBenchmark(DetectorArchitecture arch, boolean squaredError, CNN2DFormat stageLayout,
            LeakyReluLayer activation) {
        this.arch = arch;
        this.squaredError = squaredError;
        this.stageLayout = stageLayout;
        this.activation = activation;
    }

    /** Trains {@code warmup} then {@code iterations} steps of {@code batch} examples and times the latter. */
    public Figures run(int batch, int warmup, int iterations, PrintStream log) {
        MultiLayerNetwork net = squaredError
                ? DetectorNetwork.createWithSquaredErrorLoss(arch, 1, new FixedSchedule(1e-3), stageLayout, activation)
                : DetectorNetwork.create(arch, 1, new FixedSchedule(1e-3), stageLayout, ClassLoss.DEFAULT, activation);
        DataSet data = randomBatch(batch, new Random(7));

        for (int i = 0; i < warmup; i++) {
            net.fit(data);
        }
        long t0 = System.nanoTime();
        double cpu0 = ProcessFigures.cpuSeconds();
        for (int i = 0; i < iterations; i++) {
            net.fit(data);
            if (log != null) {
                log.printf("iteration %d: %.1f ms elapsed%n", i + 1, (System.nanoTime() - t0) / 1e6);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = ProcessFigures.cpuSeconds() - cpu0;
        return new Figures(batch * iterations / seconds, seconds * 1000 / iterations, cpu * 1000 / (batch * iterations),
                ProcessFigures.rssHighWaterBytes());
    }

    private DataSet randomBatch(int batch, Random random) {
        int gw = arch.gridWidth();
        int gh = arch.gridHeight();
        INDArray input = Nd4j.rand(new int[] {batch, 1, arch.inputHeight(), arch.inputWidth()});
        float[] labels = new float[batch * (4 + arch.classes()) * gh * gw];
        int plane = gh * gw;
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < 3; k++) {
                double w = 0.5 + random.nextDouble() * 3;
                double h = 0.5 + random.nextDouble() * 3;
                double cx = w / 2 + random.nextDouble() * (gw - w);
                double cy = h / 2 + random.nextDouble() * (gh - h);
                int cell = (int) cy * gw + (int) cx;
                int base = b * (4 + arch.classes()) * plane;
                labels[base + cell] = (float) (cx - w / 2);
                labels[base + plane + cell] = (float) (cy - h / 2);
                labels[base + 2 * plane + cell] = (float) (cx + w / 2);
                labels[base + 3 * plane + cell] = (float) (cy + h / 2);
                labels[base + (4 + random.nextInt(arch.classes())) * plane + cell] = 1;
            }
        }
        if (squaredError) {
            return new DataSet(input, Nd4j.rand(new int[] {batch, arch.outputChannels(), gh, gw}));
        }
        return new DataSet(input, Nd4j.create(labels, new long[] {batch, 4 + arch.classes(), gh, gw}));
    }
}
