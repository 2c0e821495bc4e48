package dev.edgevision.tensorrt.serve;

import dev.edgevision.tensorrt.build.BuildProgress;
import dev.edgevision.tensorrt.build.BuildRequest;
import dev.edgevision.tensorrt.build.BuiltEngine;
import dev.edgevision.tensorrt.build.EngineBuildException;
import dev.edgevision.tensorrt.build.EngineBuilder;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * Runs one build on its own thread with a time limit, calling back every few seconds so that the
 * caller can report progress. At the limit the build's thread is interrupted (trtexec is killed); a
 * native build call that cannot be interrupted runs on to its end and its result is discarded.
 */
final class TimedBuild {
    /** Raised when the limit passed. */
    static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message);
        }
    }

    private TimedBuild() {
    }

    /**
     * Builds {@code request} with {@code builder} within {@code limit}, calling {@code tick} with the
     * elapsed seconds every {@code tickEvery}.
     */
    static BuiltEngine run(EngineBuilder builder, BuildRequest request, BuildProgress progress, Duration limit,
            Duration tickEvery, LongConsumer tick) throws EngineBuildException, InterruptedException, TimedOut {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "engine-builder");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Future<BuiltEngine> future = worker.submit(() -> builder.build(request, progress));
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    future.cancel(true);
                    throw new TimedOut("the engine build did not finish within " + minutes(limit) + "; raise"
                            + " tensorrt.build_timeout or choose a lower precision");
                }
                try {
                    return future.get(Math.min(left, tickEvery.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    tick.accept((System.nanoTime() - start) / 1_000_000_000L);
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EngineBuildException failure) {
                throw failure;
            }
            if (e.getCause() instanceof InterruptedException) {
                throw new InterruptedException("the engine build was interrupted");
            }
            throw new EngineBuildException(EngineBuildException.Kind.BUILD, builder.name() + " failed unexpectedly: "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } finally {
            worker.shutdownNow();
        }
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
    }
}
