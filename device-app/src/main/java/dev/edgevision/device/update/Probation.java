package dev.edgevision.device.update;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Watches a newly activated model for its probation: the pipelines must keep processing frames
 * (at least {@code minFrames} in all, when there are pipelines) and no more than
 * {@code maxFailureRatio} of them may fail (judged over 20 frames or more). Ticks every 250 ms.
 */
final class Probation {
    /** Hears how many whole seconds of the probation have passed. */
    @FunctionalInterface
    interface Progress {
        void at(long seconds, long total);
    }

    private final ModelTarget target;
    private final UpdateSettings settings;

    Probation(ModelTarget target, UpdateSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    /** Returns when the model passed; throws, failed with the figures, as soon as it cannot pass. */
    void watch(Duration length, Progress progress, BooleanSupplier canceled) throws UpdateException {
        ModelTarget.Health start = target.health();
        long t0 = System.nanoTime();
        long total = Math.max(0, length.toSeconds());
        long reported = -1;
        while (true) {
            long elapsed = System.nanoTime() - t0;
            ModelTarget.Health now = target.health();
            long processed = now.processed() - start.processed();
            long failed = now.failed() - start.failed();
            long frames = processed + failed;
            if (frames >= 20 && failed > settings.maxFailureRatio() * frames) {
                throw UpdateException.failed("probation_failed", String.format("the new model failed %d of %d frames"
                        + " during probation (at most %.0f %% may fail)", failed, frames,
                        100 * settings.maxFailureRatio()));
            }
            if (elapsed >= length.toNanos()) {
                if (now.pipelines() > 0 && processed < settings.minFrames()) {
                    throw UpdateException.failed("probation_failed", "the pipelines processed " + processed
                            + " frames with the new model in " + total + " s of probation (at least "
                            + settings.minFrames() + " needed)");
                }
                return;
            }
            if (canceled.getAsBoolean()) {
                throw UpdateException.failed("canceled", "the job was canceled during probation");
            }
            long seconds = elapsed / 1_000_000_000L;
            if (seconds != reported) {
                progress.at(seconds, total);
                reported = seconds;
            }
            try {
                Thread.sleep(Math.min(250, Math.max(1, (length.toNanos() - elapsed) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw UpdateException.failed("interrupted", "the device is stopping");
            }
        }
    }
}
