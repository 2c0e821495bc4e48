package dev.edgevision.device.update;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.pipeline.ServedModel;
import dev.edgevision.device.service.Appliance;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service as an update's target: a new bundle is served beside the current one (with
 * TensorRT, its engine built and validated against ONNX Runtime in the background first), checked
 * on its reference inputs, then swapped into the model slot at each pipeline's next frame.
 */
public final class ApplianceTarget implements ModelTarget {
    private static final Logger LOG = LoggerFactory.getLogger(ApplianceTarget.class);

    private final Appliance appliance;
    private final Duration engineTimeout;
    private final Duration latencyBudget;

    /**
     * @param engineTimeout how long preparation may wait for a TensorRT engine
     * @param latencyBudget the most a single-sample inference of the new model may take (median)
     */
    public ApplianceTarget(Appliance appliance, Duration engineTimeout, Duration latencyBudget) {
        this.appliance = appliance;
        this.engineTimeout = engineTimeout;
        this.latencyBudget = latencyBudget;
    }

    private record Served(ServedModel model) implements Prepared {
        @Override
        public ModelIdentity identity() {
            return model.identity();
        }
    }

    @Override
    public Path servingBundle() {
        return appliance.models().current().bundle().path();
    }

    @Override
    public Prepared prepare(Path bundle) throws UpdateException {
        ServedModel model;
        try {
            model = appliance.serve(bundle);
        } catch (BundleException e) {
            throw UpdateException.rejected("bundle_refused", e.getMessage());
        }
        try {
            if (!model.awaitEngine(engineTimeout)) {
                LOG.warn("update: the TensorRT engine for {} is not ready after {}; the CPU serves it meanwhile",
                        model.identity().name(), engineTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            model.retire();
            throw UpdateException.failed("interrupted", "the device is stopping");
        }
        return new Served(model);
    }

    @Override
    public void validate(Prepared prepared) throws UpdateException {
        ServedModel model = ((Served) prepared).model();
        try (ModelRunner runner = model.runners().open("update-validation")) {
            String figures = ReferenceValidation.check(model.bundle(), runner, latencyBudget);
            LOG.info("update: {} {} validated: {}", model.identity().name(), model.identity().version(), figures);
        } catch (DetectorException e) {
            throw UpdateException.failed("validation_failed", "the new model could not be opened on "
                    + model.selection().backend() + ": " + e.getMessage());
        }
    }

    @Override
    public void activate(Prepared prepared) throws UpdateException {
        try {
            appliance.models().swap(((Served) prepared).model());
        } catch (DetectorException | RuntimeException e) {
            throw UpdateException.failed("activation_failed", "the pipelines could not take the new model: "
                    + e.getMessage());
        }
    }

    @Override
    public void discard(Prepared prepared) {
        ((Served) prepared).model().retire();
    }

    @Override
    public Health health() {
        long processed = 0;
        long failed = 0;
        for (CameraPipeline p : appliance.pipelines()) {
            processed += p.processed();
            failed += p.failures();
        }
        return new Health(processed, failed, appliance.pipelines().size());
    }
}
