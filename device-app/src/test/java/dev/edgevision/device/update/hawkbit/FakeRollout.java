package dev.edgevision.device.update.hawkbit;

import java.util.ArrayList;
import java.util.List;

/**
 * A rollout as hawkBit runs one: its targets split into groups (a canary group first, then each
 * group a percentage of the targets left); a group starts when the one before has reached the
 * success threshold (percent of its targets finished), and a group whose failures pass the error
 * threshold (percent of its targets) stops the rollout, so that no later group starts.
 */
final class FakeRollout {
    enum State { RUNNING, STOPPED, FINISHED }

    /** One group: its targets and, once started, their actions. */
    static final class Group {
        final int index;
        final List<FakeDdiServer.Target> targets;
        final List<FakeDdiServer.Action> actions = new ArrayList<>();
        volatile long startedNanos;

        Group(int index, List<FakeDdiServer.Target> targets) {
            this.index = index;
            this.targets = targets;
        }

        boolean started() {
            return startedNanos != 0;
        }

        long count(FakeDdiServer.ActionStatus status) {
            return actions.stream().filter(a -> a.status == status).count();
        }
    }

    private final FakeDdiServer server;
    private final FakeDdiServer.DistributionSet set;
    private final int successThreshold;
    private final int errorThreshold;
    private final List<Group> groups = new ArrayList<>();
    private volatile State state = State.RUNNING;
    private volatile long endedNanos;

    /**
     * @param groupPercents the share of the targets left that each group after the canary takes (the last takes the rest)
     */
    FakeRollout(FakeDdiServer server, FakeDdiServer.DistributionSet set, List<FakeDdiServer.Target> targets,
            int canaryPercent, List<Integer> groupPercents, int successThreshold, int errorThreshold) {
        this.server = server;
        this.set = set;
        this.successThreshold = successThreshold;
        this.errorThreshold = errorThreshold;
        List<FakeDdiServer.Target> left = new ArrayList<>(targets);
        List<Integer> percents = new ArrayList<>();
        percents.add(canaryPercent);
        percents.addAll(groupPercents);
        for (int i = 0; i < percents.size() && !left.isEmpty(); i++) {
            int n = i == percents.size() - 1 ? left.size() : Math.max(1, (int) Math.ceil(left.size() * percents.get(i)
                    / 100.0));
            groups.add(new Group(i, new ArrayList<>(left.subList(0, n))));
            left = new ArrayList<>(left.subList(n, left.size()));
        }
    }

    /** Starts the first group (the canary). */
    synchronized FakeRollout start() {
        startGroup(groups.get(0));
        return this;
    }

    List<Group> groups() {
        return groups;
    }

    State state() {
        return state;
    }

    /** Nanos from the first group's start to the rollout's end (0 while it runs). */
    long elapsedNanos() {
        return endedNanos == 0 ? 0 : endedNanos - groups.get(0).startedNanos;
    }

    private void startGroup(Group g) {
        g.startedNanos = System.nanoTime();
        for (FakeDdiServer.Target t : g.targets) {
            g.actions.add(server.assign(t, set, this));
        }
    }

    /** Called on every closing feedback: stops the rollout, starts the next group, or finishes. */
    synchronized void evaluate() {
        if (state != State.RUNNING) {
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (!g.started()) {
                break;
            }
            long errors = g.count(FakeDdiServer.ActionStatus.ERROR);
            if (errors * 100 > (long) errorThreshold * g.targets.size()) {
                state = State.STOPPED;
                endedNanos = System.nanoTime();
                return;
            }
            long finished = g.count(FakeDdiServer.ActionStatus.FINISHED);
            boolean next = finished * 100 >= (long) successThreshold * g.targets.size();
            if (next && i + 1 < groups.size() && !groups.get(i + 1).started()) {
                startGroup(groups.get(i + 1));
            }
        }
        boolean allEnded = groups.stream().allMatch(g -> g.started() && g.actions.stream().noneMatch(
                a -> a.status.active()));
        if (allEnded) {
            state = State.FINISHED;
            endedNanos = System.nanoTime();
        }
    }
}
