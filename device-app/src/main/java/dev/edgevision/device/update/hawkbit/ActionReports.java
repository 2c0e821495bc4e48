package dev.edgevision.device.update.hawkbit;

import dev.edgevision.device.update.JobState;
import dev.edgevision.device.update.JobStatus;
import dev.edgevision.device.update.JobStep;
import dev.edgevision.device.update.UpdateService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's hawkBit jobs as DDI feedback, sent in order from one thread: {@code proceeding} at
 * each step (and each quarter of a download), {@code closed} with {@code success} or
 * {@code failure} and the reason at the end; the answer to a cancel request once its job has
 * stopped. An action the server answers 410 (closed there) stops its job on the device.
 */
final class ActionReports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActionReports.class);

    private final DdiClient ddi;
    private final UpdateService updates;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), r -> {
                Thread t = new Thread(r, "hawkbit-feedback");
                t.setDaemon(true);
                return t;
            });
    /** Actions with a cancel request under way: action id to the cancel request's id. */
    private final Map<String, String> cancels = new ConcurrentHashMap<>();
    private final Set<String> answeredCancels = ConcurrentHashMap.newKeySet();
    /** Actions the server took the closing feedback of, or said are closed. */
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastProgress = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    ActionReports(DdiClient ddi, UpdateService updates) {
        this.ddi = ddi;
        this.updates = updates;
    }

    /** Hears the engine (on its thread); hawkBit's jobs are reported from the sender's thread. */
    void changed(JobStatus status) {
        if (stopped || !HawkbitAgent.SOURCE.equals(status.source())
                || !status.jobId().startsWith(HawkbitAgent.JOB_PREFIX)) {
            return;
        }
        String actionId = status.jobId().substring(HawkbitAgent.JOB_PREFIX.length());
        execute(() -> report(actionId, status));
    }

    /** Whether the server has the end of the action (or says it is closed). */
    boolean closed(String actionId) {
        return closed.contains(actionId);
    }

    /** Sends the end of a job again: the server still lists its action. */
    void again(String actionId, JobStatus end) {
        execute(() -> report(actionId, end));
    }

    /** Closes an action the device cannot carry out, with the reason. */
    void refuse(String actionId, String why) {
        execute(() -> closing(actionId, Feedback.closed(false, List.of("rejected: " + why))));
    }

    /** Whether the cancel request {@code cancelId} has been answered. */
    boolean answered(String cancelId) {
        return answeredCancels.contains(cancelId);
    }

    /** Notes a cancel request for the action; true the first time it is seen. */
    boolean cancelRequested(String actionId, String cancelId) {
        return cancels.put(actionId, cancelId) == null;
    }

    /** Answers a cancel request of an action the device never started. */
    void nothingToCancel(String actionId, String cancelId) {
        execute(() -> answerCancel(actionId, cancelId, Feedback.closed(true,
                List.of("canceled: no update of action " + actionId + " was under way on the device"))));
    }

    private void report(String actionId, JobStatus s) {
        String cancelId = cancels.get(actionId);
        if (cancelId != null) {
            if (s.state().terminal()) {
                answerCancel(actionId, cancelId, s.state() == JobState.SUCCEEDED
                        ? Feedback.rejected(List.of("the update had already finished: " + s.message()))
                        : Feedback.closed(true, List.of("canceled: " + detail(s))));
            }
            return;
        }
        if (closed.contains(actionId)) {
            return;
        }
        if (s.state().terminal()) {
            closing(actionId, Feedback.closed(s.state() == JobState.SUCCEEDED, List.of(detail(s))));
            return;
        }
        String key = progressKey(s);
        if (key.equals(lastProgress.put(actionId, key))) {
            return;
        }
        int step = s.step() == null ? 0 : s.step().ordinal() + 1;
        send(actionId, Feedback.proceeding(List.of(detail(s)), step, JobStep.values().length));
    }

    private void closing(String actionId, Feedback feedback) {
        if (send(actionId, feedback)) {
            closed.add(actionId);
            lastProgress.remove(actionId);
        }
    }

    /** Sends feedback on an action; true when the server took it. */
    private boolean send(String actionId, Feedback feedback) {
        try {
            ddi.deploymentFeedback(actionId, feedback);
            return true;
        } catch (DdiException e) {
            if (e.gone()) {
                closed.add(actionId);
                LOG.warn("hawkBit: action {} is closed on the server ({}); the device stops its update", actionId,
                        e.status());
                updates.cancel(HawkbitAgent.JOB_PREFIX + actionId);
            } else {
                LOG.warn("hawkBit: {}", e.getMessage());
            }
            return false;
        }
    }

    private void answerCancel(String actionId, String cancelId, Feedback feedback) {
        try {
            ddi.cancelFeedback(cancelId, feedback);
            answeredCancels.add(cancelId);
            cancels.remove(actionId);
            closed.add(actionId);
        } catch (DdiException e) {
            if (e.gone()) {
                answeredCancels.add(cancelId);
                cancels.remove(actionId);
            }
            LOG.warn("hawkBit: {}", e.getMessage());
        }
    }

    /** Download progress in quarters, else the step: a new key is a new proceeding message. */
    private static String progressKey(JobStatus s) {
        String step = s.step() == null ? s.state().wireName() : s.step().wireName();
        if (s.step() == JobStep.DOWNLOADING && s.total() > 0) {
            return step + ":" + (4 * s.done() / s.total());
        }
        return step + (s.resumed() ? ":resumed" : "");
    }

    /** The message a person reads on the server. */
    static String detail(JobStatus s) {
        StringBuilder b = new StringBuilder();
        b.append(s.state().wireName());
        if (s.step() != null) {
            b.append(s.state().terminal() ? " at " : ": ").append(s.step().wireName());
            if (s.step() == JobStep.DOWNLOADING && s.total() > 0 && !s.state().terminal()) {
                b.append(' ').append(100 * s.done() / s.total()).append(" % (").append(s.done()).append(" of ")
                        .append(s.total()).append(" bytes)");
            }
        }
        if (s.errorCode() != null) {
            b.append(" [").append(s.errorCode()).append(']');
        }
        if (s.message() != null) {
            b.append(": ").append(s.message());
        }
        if (s.model() != null && s.state() == JobState.SUCCEEDED) {
            b.append(" (sha256 ").append(s.model().sha256()).append(')');
        }
        if (s.resumed()) {
            b.append(" (resumed after a restart)");
        }
        return b.toString();
    }

    private void execute(Runnable task) {
        try {
            sender.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("hawkBit: feedback failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            if (!stopped) {
                LOG.warn("hawkBit: more than 256 feedback messages waiting; one was dropped (the next poll sends"
                        + " the end of a job again)");
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        sender.shutdownNow();
    }
}
