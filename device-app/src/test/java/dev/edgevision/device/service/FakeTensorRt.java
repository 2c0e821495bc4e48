package dev.edgevision.device.service;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.io.PngImages;
import dev.edgevision.core.testing.TestBundles;
import dev.edgevision.device.pipeline.BackendRunners;
import dev.edgevision.ort.OrtRunner;
import dev.edgevision.tensorrt.build.BuiltEngine;
import dev.edgevision.tensorrt.build.Capabilities;
import dev.edgevision.tensorrt.build.EngineBuildException;
import dev.edgevision.tensorrt.build.EngineBuilder;
import dev.edgevision.tensorrt.build.GpuPlatform;
import dev.edgevision.tensorrt.serve.LoadedEngine;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A TensorRT backend without a GPU for the service's tests: a builder that waits until released
 * (or fails), and engines whose runners are ONNX Runtime under the name {@code tensorrt-fp16}, so
 * that validation passes and the switch shows in records and status.
 */
final class FakeTensorRt {
    static final GpuPlatform ORIN = new GpuPlatform("10.3.0", "12.6", "Orin", "8.7", true, true,
            new Capabilities(true, true, 0));

    final CountDownLatch release = new CountDownLatch(1);
    final boolean fail;

    FakeTensorRt(boolean fail) {
        this.fail = fail;
    }

    /** The committed digit classifier with a dozen calibration images, so that engines can be validated. */
    static Path bundleWithSamples(Path home, Path dir) throws Exception {
        ModelBundle committed = ModelBundle.open(home.resolve("models/digits.vbundle"));
        BundleWriter writer = new BundleWriter(committed.manifest()).add("model.onnx", committed.modelBytes());
        for (int i = 0; i < 12; i++) {
            writer.add(BundleSamples.calibrationName(i), PngImages.encode(TestBundles.digitImage(i)));
        }
        Path file = dir.resolve("digits-with-samples.vbundle");
        writer.write(file);
        return file;
    }

    BackendRunners.EngineParts parts(ModelBundle bundle) {
        EngineBuilder builder = new EngineBuilder() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public BuiltEngine build(dev.edgevision.tensorrt.build.BuildRequest request,
                    dev.edgevision.tensorrt.build.BuildProgress progress) throws EngineBuildException,
                    InterruptedException {
                progress.report("fake build waiting for the test");
                release.await();
                if (fail) {
                    throw new EngineBuildException(EngineBuildException.Kind.BUILD, "the fake GPU ran out of memory");
                }
                return new BuiltEngine("fake plan".getBytes(), name());
            }
        };
        return new BackendRunners.EngineParts(() -> ORIN, builder, (plan, recipe) -> new LoadedEngine() {
            @Override
            public ModelRunner newRunner() throws DetectorException {
                return new Renamed(new OrtRunner(bundle, recipe.profile().max(), 1), backend());
            }

            @Override
            public String backend() {
                return "tensorrt-" + recipe.precision().wireName();
            }

            @Override
            public void close() {
            }
        });
    }

    /** A runner under another backend name. */
    record Renamed(ModelRunner runner, String backend) implements ModelRunner {
        @Override
        public int maxBatch() {
            return runner.maxBatch();
        }

        @Override
        public float[] input() {
            return runner.input();
        }

        @Override
        public float[] run(int batch) throws DetectorException {
            return runner.run(batch);
        }

        @Override
        public float[] output(String name) {
            return runner.output(name);
        }

        @Override
        public void close() {
            runner.close();
        }
    }
}
