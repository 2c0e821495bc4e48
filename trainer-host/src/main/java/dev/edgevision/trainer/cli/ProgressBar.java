package dev.edgevision.trainer.cli;

import dev.edgevision.trainer.classifier.EpochStats;
import dev.edgevision.trainer.classifier.TrainingListener;
import java.io.PrintStream;

/**
 * The training progress bar on standard error: one line redrawn in place on a terminal (at most
 * five times a second), with epoch, share done, loss, speed and time left in the epoch; one line
 * per epoch with the validation figures. Without a terminal (CI, a log file) only the per-epoch
 * lines are written.
 */
final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private long epochStart;
    private long lastDraw;
    private int lastEpoch = -1;

    ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void batchDone(int epoch, int maxEpochs, int done, int total, double loss) {
        long now = System.nanoTime();
        if (epoch != lastEpoch) {
            lastEpoch = epoch;
            epochStart = now;
        }
        if (!interactive || (now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        out.print("\r" + line(epoch, maxEpochs, done, total, loss, (now - epochStart) / 1e9));
        out.flush();
    }

    static String line(int epoch, int maxEpochs, int done, int total, double loss, double seconds) {
        double share = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(share * WIDTH);
        double rate = seconds > 0 ? done / seconds : 0;
        double left = rate > 0 ? (total - done) / rate : 0;
        return String.format("epoch %d/%d [%s%s] %3d%% %d/%d  loss %.4f  %.0f img/s  %s left ",
                epoch, maxEpochs, "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(share * 100),
                done, total, loss, rate, clock(left));
    }

    @Override
    public void epochDone(EpochStats s, boolean best) {
        if (interactive) {
            out.print("\r\033[K");
        }
        out.printf("epoch %2d  train loss %.4f acc %.2f%%  validation loss %.4f acc %.2f%%  %s%s%n",
                s.epoch(), s.trainLoss(), s.trainAccuracy() * 100, s.validationLoss(), s.validationAccuracy() * 100,
                clock(s.seconds()), best ? "  (best so far)" : "");
    }

    @Override
    public void note(String message) {
        out.println(message);
    }

    @Override
    public void stopped(String reason) {
        out.println("training stopped: " + reason);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
