package dev.edgevision.device.update;

import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model target without a backend: it opens bundles to learn their identity, "serves" one by
 * counting frames (a thread adds 50 per second), and fails the frames of a model marked bad.
 */
final class FakeTarget implements ModelTarget {
    record Opened(ModelIdentity identity, Path path) implements Prepared {
    }

    final List<String> activated = new CopyOnWriteArrayList<>();
    final AtomicLong processed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile String badSha256;
    volatile boolean failValidation;
    private volatile Opened serving;
    private final Thread frames;

    FakeTarget(Path initial) throws BundleException {
        ModelBundle b = ModelBundle.open(initial);
        serving = new Opened(new ModelIdentity(b.manifest().name(), b.manifest().version(), b.sha256()), initial);
        frames = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (serving.identity().sha256().equals(badSha256)) {
                    failed.incrementAndGet();
                } else {
                    processed.incrementAndGet();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fake-frames");
        frames.setDaemon(true);
        frames.start();
    }

    ModelIdentity serving() {
        return serving.identity();
    }

    @Override
    public Path servingBundle() {
        return serving.path();
    }

    @Override
    public Prepared prepare(Path bundle) throws UpdateException {
        try {
            ModelBundle b = ModelBundle.open(bundle);
            return new Opened(new ModelIdentity(b.manifest().name(), b.manifest().version(), b.sha256()), bundle);
        } catch (BundleException e) {
            throw UpdateException.rejected("bundle_refused", e.getMessage());
        }
    }

    @Override
    public void validate(Prepared prepared) throws UpdateException {
        if (failValidation) {
            throw UpdateException.failed("validation_failed", "the fake says the outputs differ");
        }
    }

    @Override
    public void activate(Prepared prepared) {
        serving = (Opened) prepared;
        activated.add(prepared.identity().name());
    }

    @Override
    public void discard(Prepared prepared) {
    }

    @Override
    public Health health() {
        return new Health(processed.get(), failed.get(), 1);
    }

    void stop() {
        frames.interrupt();
    }
}
