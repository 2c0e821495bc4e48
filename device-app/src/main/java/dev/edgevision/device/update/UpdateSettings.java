package dev.edgevision.device.update;

import java.time.Duration;

/**
 * How the device carries out updates.
 *
 * @param probation how long a new model is watched after activation, unless the job says otherwise
 * @param maxFailureRatio share of frames that may fail during probation (over at least 20 frames)
 * @param minFrames frames the pipelines must process during probation (when there are pipelines)
 * @param downloadAttempts tries per download before the job fails
 * @param firstPause pause after the first failed try, doubling after each
 * @param reserveBytes space that must stay free on the store's disk after a download
 */
public record UpdateSettings(Duration probation, double maxFailureRatio, long minFrames, int downloadAttempts,
        Duration firstPause, long reserveBytes) {
    /** 60 s of probation, 5 % failures, 10 frames, 5 download attempts from 1 s, 64 MiB kept free. */
    public static UpdateSettings defaults() {
        return new UpdateSettings(Duration.ofSeconds(60), 0.05, 10, 5, Duration.ofSeconds(1), 64L << 20);
    }

    public UpdateSettings withProbation(Duration newProbation) {
        return new UpdateSettings(newProbation, maxFailureRatio, minFrames, downloadAttempts, firstPause, reserveBytes);
    }

    public UpdateSettings withFirstPause(Duration pause) {
        return new UpdateSettings(probation, maxFailureRatio, minFrames, downloadAttempts, pause, reserveBytes);
    }
}
