package dev.edgevision.device.update.hawkbit;

import dev.edgevision.device.update.WorkerThread;

import dev.edgevision.device.update.Artifact;
import dev.edgevision.device.update.JobStatus;
import dev.edgevision.device.update.UpdateJob;
import dev.edgevision.device.update.UpdateService;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device as a hawkBit target (DDI API). It polls the controller base at the interval the server
 * names ({@code config.polling.sleep}); a {@code deploymentBase} becomes an update job
 * {@code hawkbit-{actionId}} for the update engine (an action seen again is the same job, so
 * nothing runs twice); every step of the job goes back as {@code proceeding} feedback and its end
 * as {@code closed} with {@code success} or {@code failure} and the reason (a failed probation
 * included, so that a rollout's error threshold stops a bad model). A {@code cancelAction} stops
 * the job and is answered once the job has ended; {@code configData} is answered with the device's
 * attributes. An action the server has closed (410) stops the job on the device. The token is sent
 * only to the configured server and never logged.
 */
public final class HawkbitAgent implements AutoCloseable {
    static final String SOURCE = "hawkbit";
    static final String JOB_PREFIX = "hawkbit-";
    private static final Logger LOG = LoggerFactory.getLogger(HawkbitAgent.class);
    private static final Duration MIN_POLL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final HawkbitSettings settings;
    private final UpdateService updates;
    private final Supplier<Map<String, String>> attributes;
    private final DdiClient ddi;
    private final ActionReports reports;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicLong polls = new AtomicLong();
    private volatile String problem;
    private volatile Thread poller;
    private volatile boolean stopped;

    private HawkbitAgent(HawkbitSettings settings, UpdateService updates, Supplier<Map<String, String>> attributes,
            HttpClient http) {
        this.settings = settings;
        this.updates = updates;
        this.attributes = attributes;
        this.ddi = new DdiClient(settings, http);
        this.reports = new ActionReports(ddi, updates);
    }

    /**
     * An agent for {@code updates}, listening to its jobs at once (create it before the engine starts,
     * to hear of jobs a restart ended); it polls from {@link #start}.
     *
     * @param attributes the device's attributes sent when the server asks (device id, app version, model, backend)
     * @throws IllegalArgumentException naming every problem of {@code settings}
     */
    public static HawkbitAgent create(HawkbitSettings settings, UpdateService updates,
            Supplier<Map<String, String>> attributes) {
        return create(settings, updates, attributes, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .build());
    }

    /** As {@link #create(HawkbitSettings, UpdateService, Supplier)}, on the given client (shared by simulated fleets). */
    public static HawkbitAgent create(HawkbitSettings settings, UpdateService updates,
            Supplier<Map<String, String>> attributes, HttpClient http) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        HawkbitAgent agent = new HawkbitAgent(settings, updates, attributes, http);
        updates.addListener(agent.reports::changed);
        return agent;
    }

    /** Starts polling on its own thread. */
    public synchronized HawkbitAgent start() {
        if (poller == null) {
            poller = new Thread(this::loop, "hawkbit-poll");
            poller.setDaemon(true);
            poller.start();
            LOG.info("hawkBit: polling {} as controller {} of tenant {}", DdiClient.shown(settings.server()),
                    settings.controllerId(), settings.tenant());
        }
        return this;
    }

    /** Polls answered so far. */
    public long polls() {
        return polls.get();
    }

    /** Why the last poll failed, or null when it succeeded. */
    public String problem() {
        return problem;
    }

    private void loop() {
        int failures = 0;
        while (!stopped) {
            Duration next;
            try {
                next = pollOnce();
                failures = 0;
                if (problem != null) {
                    LOG.info("hawkBit: the server answers again");
                }
                problem = null;
            } catch (DdiException | RuntimeException e) {
                failures++;
                next = backoff(failures);
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                if (!why.equals(problem)) {
                    LOG.warn("hawkBit: {}; trying again in {} s", why, next.toSeconds());
                }
                problem = why;
            }
            try {
                Thread.sleep(next.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Duration backoff(int failures) {
        Duration d = settings.poll().multipliedBy(1L << Math.min(failures - 1, 10));
        Duration cap = settings.poll().compareTo(MAX_BACKOFF) > 0 ? settings.poll() : MAX_BACKOFF;
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** One poll and what it asks for; returns how long to wait before the next. */
    Duration pollOnce() throws DdiException {
        DdiClient.Poll poll = ddi.poll();
        polls.incrementAndGet();
        if (poll.configData() != null) {
            try {
                ddi.configData(poll.configData(), attributes.get());
            } catch (DdiException e) {
                LOG.warn("hawkBit: {}", e.getMessage());
            }
        }
        if (poll.cancelAction() != null) {
            cancel(ddi.cancel(poll.cancelAction()));
        } else if (poll.deploymentBase() != null) {
            deploy(ddi.deployment(poll.deploymentBase()));
        }
        Duration sleep = poll.sleep() == null ? settings.poll() : poll.sleep();
        return sleep.compareTo(MIN_POLL) < 0 ? MIN_POLL : sleep;
    }

    private void deploy(Deployment d) {
        String jobId = JOB_PREFIX + d.actionId();
        Optional<JobStatus> known = updates.status(jobId);
        if (known.isPresent()) {
            if (known.get().state().terminal() && !reports.closed(d.actionId())) {
                reports.again(d.actionId(), known.get());
            }
            return;
        }
        if (d.waiting()) {
            if (waiting.add(d.actionId())) {
                LOG.info("hawkBit: action {} waits (download {}, update {}, maintenance window {})", d.actionId(),
                        d.download(), d.update(), d.maintenanceWindow() == null ? "none" : d.maintenanceWindow());
            }
            return;
        }
        Deployment.File file;
        try {
            file = d.bundle();
        } catch (IllegalArgumentException e) {
            LOG.warn("hawkBit: action {} refused: {}", d.actionId(), e.getMessage());
            reports.refuse(d.actionId(), e.getMessage());
            return;
        }
        URI link = file.link(settings.server().getScheme());
        Map<String, String> headers = sameServer(link) ? Map.of("Authorization", settings.authorization()) : Map.of();
        UpdateJob job = new UpdateJob(jobId, SOURCE, new Artifact(link, file.sha256().toLowerCase(java.util.Locale.ROOT),
                file.size(), headers), false, null);
        LOG.info("hawkBit: action {} installs {} ({}, {} bytes)", d.actionId(), file.filename(), file.chunk(),
                file.size());
        updates.submit(job);
    }

    private void cancel(DdiClient.Cancel c) {
        if (reports.answered(c.id())) {
            return;
        }
        String jobId = JOB_PREFIX + c.stopId();
        boolean first = reports.cancelRequested(c.stopId(), c.id());
        Optional<JobStatus> status = updates.status(jobId);
        if (first) {
            LOG.info("hawkBit: the server cancels action {}", c.stopId());
        }
        if (status.isEmpty()) {
            reports.nothingToCancel(c.stopId(), c.id());
        } else if (status.get().state().terminal()) {
            reports.again(c.stopId(), status.get());
        } else {
            updates.cancel(jobId);
        }
    }

    private boolean sameServer(URI link) {
        return DdiClient.sameOrigin(link, settings.server());
    }

    /** Stops polling and sending; jobs under way go on in the engine and are reported after the next start. */
    @Override
    public void close() {
        stopped = true;
        WorkerThread.stop(poller);
        reports.close();
    }
}
