package dev.edgevision.trainer.deploy;

import java.util.List;

/** What the user sees of a rollout: told when it starts, at every change, a few times a second, and at the end. */
public interface RolloutDisplay {
    /** The jobs are about to be published. */
    void started(RolloutPlan plan, List<DeviceProgress> devices);

    /** A device's progress changed. */
    void changed(DeviceProgress before, DeviceProgress after);

    /** Called about five times a second while waiting, with everyone's progress. */
    void tick(List<DeviceProgress> devices, double seconds);

    /** The rollout ended. */
    void finished(RolloutResult result);
}
