package dev.edgevision.device.update.hawkbit;

import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.device.update.ModelTarget;
import dev.edgevision.device.update.UpdateException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A model target without a backend or a thread, cheap enough for a hundred devices in one JVM: it
 * opens bundles to learn their identity and counts frames from the clock (50 a second, as a camera
 * would send), all failing while a model whose sha256 is in {@code bad} serves.
 */
final class SimulatedModel implements ModelTarget {
    record Opened(ModelIdentity identity, Path path) implements Prepared {
    }

    private final Set<String> bad;
    private volatile Opened serving;
    private long processed;
    private long failed;
    private long lastNanos = System.nanoTime();

    SimulatedModel(Path initial, Set<String> bad) throws BundleException {
        this.bad = bad;
        this.serving = open(initial);
    }

    private static Opened open(Path bundle) throws BundleException {
        ModelBundle b = ModelBundle.open(bundle);
        return new Opened(new ModelIdentity(b.manifest().name(), b.manifest().version(), b.sha256()), bundle);
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
            return open(bundle);
        } catch (BundleException e) {
            throw UpdateException.rejected("bundle_refused", e.getMessage());
        }
    }

    @Override
    public void validate(Prepared prepared) {
    }

    @Override
    public synchronized void activate(Prepared prepared) {
        advance();
        serving = (Opened) prepared;
    }

    @Override
    public void discard(Prepared prepared) {
    }

    @Override
    public synchronized Health health() {
        advance();
        return new Health(processed, failed, 1);
    }

    /** Counts the frames since the last look against the model that served them. */
    private void advance() {
        long now = System.nanoTime();
        long frames = (now - lastNanos) / 20_000_000L;
        if (frames > 0) {
            if (bad.contains(serving.identity().sha256())) {
                failed += frames;
            } else {
                processed += frames;
            }
            lastNanos += frames * 20_000_000L;
        }
    }
}
