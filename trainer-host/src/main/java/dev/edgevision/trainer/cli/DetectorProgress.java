package dev.edgevision.trainer.cli;

import dev.edgevision.trainer.detector.train.DetectorEpoch;
import dev.edgevision.trainer.detector.train.DetectorTrainer;
import java.io.PrintStream;

/** The detector's training progress: the classifier's progress bar, and one line per epoch with validation mAP. */
final class DetectorProgress implements DetectorTrainer.Listener {
    private final ProgressBar bar;
    private final PrintStream out;
    private final boolean interactive;
    private final int batchSize;

    DetectorProgress(PrintStream out, boolean interactive, int batchSize) {
        this.bar = new ProgressBar(out, interactive);
        this.out = out;
        this.interactive = interactive;
        this.batchSize = batchSize;
    }

    @Override
    public void stepDone(int epoch, int maxEpochs, int step, int steps, double loss) {
        bar.batchDone(epoch, maxEpochs, step * batchSize, steps * batchSize, loss);
    }

    @Override
    public void epochDone(DetectorEpoch e, boolean best) {
        if (interactive) {
            out.print("\r\033[K");
        }
        out.printf("epoch %2d  train loss %.4f  validation loss %.4f mAP@0.5 %.4f  %s%s%n", e.epoch(), e.trainLoss(),
                e.validationLoss(), e.validationMap(), ProgressBar.clock(e.seconds()), best ? "  (best so far)" : "");
    }

    @Override
    public void bestRescored(int epoch, double saved, double now) {
        out.printf("best epoch %d scores mAP@0.5 %.4f on this run's validation scenes (%.4f when it was trained);"
                + " later epochs must beat %.4f%n", epoch, now, saved, now);
    }
}
