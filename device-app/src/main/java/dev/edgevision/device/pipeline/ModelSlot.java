package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The model a service serves now, which every pipeline reads at its next frame. {@link #swap}
 * opens the new model's detector for each pipeline off the pipelines' threads and hands each over,
 * so the old model serves until the new one is ready and no frame waits; the old model is released
 * once no pipeline uses it any more. Listeners hear of every swap (the status shows the model
 * serving).
 */
public final class ModelSlot implements AutoCloseable {
    private final Map<String, SwappableDetector> detectors = new ConcurrentHashMap<>();
    private final List<Consumer<ServedModel>> listeners = new CopyOnWriteArrayList<>();
    private volatile ServedModel current;

    public ModelSlot(ServedModel initial) {
        this.current = initial;
    }

    /** The model served now (pipelines that have not reached their next frame may still use the previous one). */
    public ServedModel current() {
        return current;
    }

    /** A detector for the pipeline {@code name} that follows every swap; closed by {@link #close} or by the caller. */
    public synchronized Detector open(String name) throws DetectorException {
        if (detectors.containsKey(name)) {
            throw new IllegalArgumentException("a pipeline named '" + name + "' is already served");
        }
        SwappableDetector detector = new SwappableDetector(name, current.open(name));
        detectors.put(name, detector);
        return detector;
    }

    /** Calls {@code listener} after each swap, with the new model. */
    public void onSwap(Consumer<ServedModel> listener) {
        listeners.add(listener);
    }

    /**
     * Serves {@code next} from each pipeline's next frame; returns the model it replaces, which is
     * retired (released once no pipeline uses it). If a detector cannot be opened for some pipeline,
     * nothing is swapped, the detectors already opened for {@code next} are closed and the error is
     * thrown: the old model keeps serving everywhere.
     */
    public synchronized ServedModel swap(ServedModel next) throws DetectorException {
        List<Map.Entry<SwappableDetector, Detector>> prepared = new ArrayList<>();
        try {
            for (Map.Entry<String, SwappableDetector> e : detectors.entrySet()) {
                prepared.add(Map.entry(e.getValue(), next.open(e.getKey())));
            }
        } catch (DetectorException | RuntimeException e) {
            prepared.forEach(p -> p.getValue().close());
            throw e;
        }
        ServedModel old = current;
        current = next;
        prepared.forEach(p -> p.getKey().offer(p.getValue()));
        old.retire();
        listeners.forEach(l -> l.accept(next));
        return old;
    }

    /** Waits until every pipeline has taken the last swap, or {@code timeout} passes; true if all have. */
    public boolean awaitSwapped(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (detectors.values().stream().anyMatch(SwappableDetector::swapPending)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Closes every pipeline's detector and retires the model served; call once the pipelines have stopped. */
    @Override
    public synchronized void close() {
        detectors.values().forEach(SwappableDetector::close);
        detectors.clear();
        current.retire();
    }
}
