package dev.edgevision.device.update;

import dev.edgevision.core.detect.ModelIdentity;
import java.nio.file.Path;

/**
 * The model side of an update: what serves now, and how a new bundle is prepared, validated and
 * put in its place. The service's implementation works on its model slot; tests and simulated
 * fleets use their own.
 */
public interface ModelTarget {
    /** A bundle opened on the backend, not yet serving. */
    interface Prepared {
        ModelIdentity identity();
    }

    /** Frames processed and failed so far, over every pipeline. */
    record Health(long processed, long failed, int pipelines) {
    }

    /** The bundle file serving now. */
    Path servingBundle();

    /** Opens {@code bundle} on the backend (a TensorRT engine is built here), without serving it. */
    Prepared prepare(Path bundle) throws UpdateException;

    /** Checks the prepared model: its reference inputs give its reference outputs, within the latency budget. */
    void validate(Prepared prepared) throws UpdateException;

    /** Serves the prepared model from each pipeline's next frame. */
    void activate(Prepared prepared) throws UpdateException;

    /** Releases a prepared model that will not serve. */
    void discard(Prepared prepared);

    Health health();
}
