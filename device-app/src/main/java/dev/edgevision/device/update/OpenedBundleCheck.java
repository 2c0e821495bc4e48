package dev.edgevision.device.update;

import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.Task;
import java.nio.file.Path;

/**
 * The checks every bundle passes before it is installed: it opens (manifest valid, every file listed
 * and matching its sha256, no unlisted or unsafe entries) and its task is one this device serves.
 */
public final class OpenedBundleCheck implements BundleCheck {
    @Override
    public Verified verify(Path bundle, UpdateJob job) throws UpdateException {
        ModelBundle opened;
        try {
            opened = ModelBundle.open(bundle);
        } catch (BundleException e) {
            throw UpdateException.rejected("bundle_refused", e.getMessage());
        }
        Task task = opened.manifest().task();
        if (task != Task.CLASSIFICATION && task != Task.DETECTION) {
            throw UpdateException.rejected("incompatible", "task '" + task.wireName() + "' is not served by this"
                    + " device's software");
        }
        return new Verified(new ModelIdentity(opened.manifest().name(), opened.manifest().version(), opened.sha256()),
                0);
    }
}
