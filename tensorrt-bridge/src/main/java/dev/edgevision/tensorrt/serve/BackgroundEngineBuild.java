package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.build.EngineBuilder;
import dev.edgevision.tensorrt.cache.EngineCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a validated TensorRT engine for a bundle on a background thread while the CPU backend
 * serves: from the cache, or built (minutes on a device) within the configured time limit, then
 * checked against ONNX Runtime. Progress goes to the log and to the listener (the MQTT status).
 * When the engine is ready, every attached pipeline's {@link SwitchableRunner} is offered a runner
 * of its own and switches at its next frame; when it fails or times out, they stay on the CPU and
 * the reason is reported.
 */
public final class BackgroundEngineBuild implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundEngineBuild.class);

    private final EngineProvisioning steps;
    private final Consumer<EngineStatus> listener;
    private final List<SwitchableRunner> attached = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile EngineStatus status = new EngineStatus(EngineStatus.State.PREPARING, null, null, 0);
    private LoadedEngine engine;
    private EngineOutcome outcome;
    private boolean closed;

    private BackgroundEngineBuild(EngineProvisioning steps, Consumer<EngineStatus> listener) {
        this.steps = steps;
        this.listener = listener;
        this.thread = new Thread(this::work, "engine-build");
        this.thread.setDaemon(true);
    }

    /**
     * Starts getting an engine for {@code job}.
     *
     * @param builder builds engines that are not cached (in-process, else trtexec)
     * @param loader deserialises engines
     * @param reference opens the ONNX Runtime runner the engine is validated against
     * @param listener told of every change of status, from the build's thread
     */
    public static BackgroundEngineBuild start(EngineJob job, BuildSettings settings, EngineCache cache,
            PlatformProbe probe, EngineBuilder builder, EngineLoader loader, RunnerFactory reference,
            Consumer<EngineStatus> listener) {
        BackgroundEngineBuild build = new BackgroundEngineBuild(
                new EngineProvisioning(job, settings, cache, probe, builder, loader, reference), listener);
        build.thread.start();
        return build;
    }

    /** Where the build stands now. */
    public EngineStatus status() {
        return status;
    }

    /** How the engine in use came to be, once it is ready. */
    public synchronized Optional<EngineOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** The engine, once ready (for benchmarks that open runners of their own). */
    public synchronized Optional<LoadedEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /**
     * Lets {@code runner} switch to the engine: offered a runner of its own now if the engine is
     * ready, else when it becomes ready.
     */
    public synchronized void attach(SwitchableRunner runner) {
        attached.add(runner);
        if (engine != null) {
            offer(runner);
        }
    }

    /** Waits until the build has ended (ready, failed, timed out or stopped); false when {@code timeout} passed first. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void work() {
        try {
            EngineProvisioning.Result result = steps.provide(this::phase);
            synchronized (this) {
                if (closed) {
                    result.engine().close();
                    return;
                }
                engine = result.engine();
                outcome = result.outcome();
                attached.forEach(this::offer);
            }
            LOG.info("TensorRT engine ready: {} ({}, built by {}), {}", result.engine().backend(),
                    outcome.fromCache() ? "from the cache" : "new", outcome.builder(), outcome.validation().reason());
            phase(EngineStatus.State.READY, outcome.plan().precision().wireName(), result.engine().backend());
        } catch (EngineProvisioning.Failure e) {
            LOG.error("{}; the CPU backend keeps serving", e.getMessage());
            phase(e.state, status.precision(), e.getMessage());
        } catch (InterruptedException e) {
            phase(EngineStatus.State.STOPPED, status.precision(), "the service stopped");
        } catch (RuntimeException e) {
            LOG.error("the TensorRT engine build failed unexpectedly; the CPU backend keeps serving", e);
            phase(EngineStatus.State.FAILED, status.precision(), "unexpected " + e);
        } finally {
            finished.countDown();
        }
    }

    private void offer(SwitchableRunner runner) {
        try {
            runner.offer(engine.newRunner());
        } catch (DetectorException | RuntimeException e) {
            LOG.error("a pipeline could not get a TensorRT runner and stays on the CPU: {}", e.getMessage());
        }
    }

    private void phase(EngineStatus.State state, String precision, String detail) {
        long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
        status = new EngineStatus(state, precision, detail, elapsed);
        if (state != EngineStatus.State.BUILDING || detail == null || "started".equals(detail)) {
            LOG.info("{}", status.summary());
        }
        try {
            listener.accept(status);
        } catch (RuntimeException e) {
            LOG.warn("engine status listener failed: {}", e.toString());
        }
    }

    /**
     * Stops the build (a trtexec build is killed; an in-process one is abandoned and its result
     * discarded) and closes the engine. Close the pipelines' runners first.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }
}
