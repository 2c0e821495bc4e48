package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.tensorrt.build.BuildProgress;
import dev.edgevision.tensorrt.build.BuildRequest;
import dev.edgevision.tensorrt.build.BuiltEngine;
import dev.edgevision.tensorrt.build.Capabilities;
import dev.edgevision.tensorrt.build.EngineBuildException;
import dev.edgevision.tensorrt.build.EngineBuilder;
import dev.edgevision.tensorrt.build.EngineRecipe;
import dev.edgevision.tensorrt.build.GpuPlatform;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Fakes for the engine build: a builder that succeeds, fails, hangs or runs long, and a loader of its plans. */
final class FakeEngines {
    /** What the fake builder does. */
    enum Mode { SUCCEED, FAIL, HANG, SLOW_UNINTERRUPTIBLE }

    static final GpuPlatform ORIN = new GpuPlatform("10.3.0", "12.6", "Orin", "8.7", true, true,
            new Capabilities(true, true, 2));

    private FakeEngines() {
    }

    /** A builder whose plan is the text {@code fake engine <precision>}. */
    static final class Builder implements EngineBuilder {
        final Mode mode;
        final AtomicInteger builds = new AtomicInteger();
        final CountDownLatch interrupted = new CountDownLatch(1);
        volatile BuildRequest lastRequest;

        Builder(Mode mode) {
            this.mode = mode;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public BuiltEngine build(BuildRequest request, BuildProgress progress)
                throws EngineBuildException, InterruptedException {
            builds.incrementAndGet();
            lastRequest = request;
            progress.report("fake builder working");
            switch (mode) {
                case FAIL -> throw new EngineBuildException(EngineBuildException.Kind.BUILD,
                        "out of memory in the fake builder");
                case HANG -> {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                }
                case SLOW_UNINTERRUPTIBLE -> {
                    long end = System.nanoTime() + 1_500_000_000L;
                    while (System.nanoTime() < end) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            interrupted.countDown(); // like a native call: noticed, but the work goes on
                        }
                    }
                }
                case SUCCEED -> { }
            }
            String plan = "fake engine " + request.recipe().precision().wireName();
            return new BuiltEngine(plan.getBytes(StandardCharsets.UTF_8), name());
        }
    }

    /** Loads fake plans into engines whose runners add {@code distortion} to the reference's outputs. */
    static final class Loader implements EngineLoader {
        final float distortion;
        final List<Engine> loaded = new CopyOnWriteArrayList<>();

        Loader(float distortion) {
            this.distortion = distortion;
        }

        @Override
        public LoadedEngine load(byte[] plan, EngineRecipe recipe) throws DetectorException {
            String text = new String(plan, StandardCharsets.UTF_8);
            if (!text.startsWith("fake engine ")) {
                throw new DetectorException("not a fake engine: " + text);
            }
            Engine engine = new Engine("tensorrt-" + text.substring("fake engine ".length()), recipe.profile().max(),
                    distortion);
            loaded.add(engine);
            return engine;
        }
    }

    /** A loaded fake engine that remembers its runners. */
    static final class Engine implements LoadedEngine {
        final String backend;
        final int maxBatch;
        final float distortion;
        final List<FakeRunner> runners = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        Engine(String backend, int maxBatch, float distortion) {
            this.backend = backend;
            this.maxBatch = maxBatch;
            this.distortion = distortion;
        }

        @Override
        public ModelRunner newRunner() {
            FakeRunner runner = new FakeRunner(backend, maxBatch, distortion);
            runners.add(runner);
            return runner;
        }

        @Override
        public String backend() {
            return backend;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
