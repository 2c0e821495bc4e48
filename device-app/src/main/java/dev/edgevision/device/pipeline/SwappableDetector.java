package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.swap.Handover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline's detector, which a new model can replace while the pipeline runs: the replacement
 * is prepared elsewhere and {@link #offer offered}; the pipeline's thread takes it at the start of
 * its next frame and closes the one it replaces, so no frame waits for a model to load. The model
 * and backend it reports are those of the detector serving now, read live.
 */
public final class SwappableDetector implements Detector {
    private static final Logger LOG = LoggerFactory.getLogger(SwappableDetector.class);

    private final String pipeline;
    private final Handover<Detector> pending = new Handover<>(Detector::close);
    private volatile Detector current;

    /**
     * @param pipeline the pipeline's name, for the log
     * @param initial the detector serving until another is offered; closed by this one
     */
    public SwappableDetector(String pipeline, Detector initial) {
        this.pipeline = pipeline;
        this.current = initial;
    }

    /** Hands over a detector for another model; taken at the next frame. */
    public void offer(Detector next) {
        pending.offer(next);
    }

    /** Whether an offered detector waits for the next frame. */
    public boolean swapPending() {
        return pending.pending();
    }

    @Override
    public Result detect(Frame frame) throws DetectorException {
        Detector next = pending.take();
        if (next != null) {
            Detector old = current;
            current = next;
            LOG.info("{}: now serving {} {} (was {} {})", pipeline, next.model().name(), next.model().version(),
                    old.model().name(), old.model().version());
            old.close();
        }
        return current.detect(frame);
    }

    @Override
    public ModelIdentity model() {
        return current.model();
    }

    @Override
    public String backend() {
        return current.backend();
    }

    @Override
    public void close() {
        pending.close();
        current.close();
    }
}
