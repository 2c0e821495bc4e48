package dev.edgevision.device.update;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's update engine: jobs run one at a time on its own thread through download,
 * verification, preparation, validation, activation and probation, each change written to the
 * journal first. After a restart it finds every job as it stood: a job that was downloading or
 * being checked goes on ({@code resumed}); one whose model was activated but not yet through
 * probation counts as failed (the restart was a crash, a watchdog or a power cut) and the previous
 * model is made current again before the service starts.
 */
public final class UpdateEngine implements UpdateService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateEngine.class);
    /** Largest bundle a job may declare. */
    public static final long MAX_BUNDLE_BYTES = 2L << 30;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ModelStore store;
    private final JobJournal journal;
    private final BundleCheck check;
    private final UpdateSettings settings;
    private final Map<String, Fetcher> fetchers = new ConcurrentHashMap<>();
    private final Map<String, JobJournal.Entry> jobs = new LinkedHashMap<>();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> cancels = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final List<String> recovered = new ArrayList<>();
    private long nextOrder;
    private Thread worker;
    private volatile boolean closed;

    private UpdateEngine(ModelStore store, JobJournal journal, BundleCheck check, UpdateSettings settings) {
        this.store = store;
        this.journal = journal;
        this.check = check;
        this.settings = settings;
        Fetcher http = new HttpDownload(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER).build(), settings.downloadAttempts(), settings.firstPause());
        fetchers.put("http", http);
        fetchers.put("https", http);
    }

    /**
     * Opens the store ({@code stateDir/models}) and journal ({@code stateDir/jobs}) and recovers from
     * a restart; call before the service picks its bundle ({@link #bundleToServe}).
     */
    public static UpdateEngine open(Path stateDir, BundleCheck check, UpdateSettings settings) throws IOException {
        UpdateEngine engine = new UpdateEngine(ModelStore.open(storeDir(stateDir)),
                new JobJournal(stateDir.resolve("jobs")), check, settings);
        engine.recover();
        return engine;
    }

    /** The model store's folder under {@code stateDir}. */
    public static Path storeDir(Path stateDir) {
        return stateDir.resolve("models");
    }

    /** The bundle the service should serve: the store's current version, else the configured one. */
    public Path bundleToServe(Path configured) {
        return store.current().orElse(configured);
    }

    public ModelStore store() {
        return store;
    }

    /** Registers how artifacts of a URL scheme are fetched (e.g. {@code mqtt-chunks} over the broker). */
    public void fetcher(String scheme, Fetcher fetcher) {
        fetchers.put(scheme, fetcher);
    }

    /** Starts carrying out jobs on {@code target}; listeners hear at once of jobs the last restart ended. */
    public synchronized void start(ModelTarget target) {
        JobRunner runner = new JobRunner(store, check, settings, target, fetchers, this::record, cancels::contains,
                () -> closed);
        worker = new Thread(() -> work(runner), "update-engine");
        worker.setDaemon(true);
        worker.start();
        for (String id : recovered) {
            tell(jobs.get(id).status());
        }
    }

    private void recover() throws IOException {
        for (JobJournal.Entry e : journal.load()) {
            nextOrder = Math.max(nextOrder, e.order() + 1);
            JobJournal.Entry now = e;
            if (!e.state().terminal()) {
                now = e.step() == JobStep.ACTIVATING || e.step() == JobStep.PROBATION ? undo(e) : e.markResumed();
                journal.save(now);
                recovered.add(now.id());
                if (!now.state().terminal()) {
                    queue.add(now.id());
                }
                LOG.info("update: job {} found {} at {}: {}", e.id(), e.state().wireName(),
                        e.step() == null ? "the start" : e.step().wireName(), now.state().terminal()
                                ? now.message() : "resuming");
            }
            jobs.put(now.id(), now);
        }
    }

    /** A job whose model was (or was being) activated when the device stopped: the previous model serves again. */
    private JobJournal.Entry undo(JobJournal.Entry e) throws IOException {
        boolean active = e.installed() != null && store.current().map(p -> p.toString().equals(e.installed()))
                .orElse(false);
        if (active) {
            store.rollBack();
        }
        return e.markResumed().with(JobState.FAILED, e.step(), e.done(), e.total(), "restarted_during_probation",
                "the device restarted while the new model was " + (e.step() == JobStep.PROBATION ? "on probation"
                        : "being activated") + " (a crash, a watchdog restart or a power cut); the previous model"
                        + " serves again");
    }

    @Override
    public synchronized JobStatus submit(UpdateJob job) {
        JobJournal.Entry known = jobs.get(job.id());
        if (known != null) {
            return known.status();
        }
        JobJournal.Entry entry = JobJournal.Entry.of(nextOrder++, job);
        String problem = problem(job);
        if (problem != null) {
            entry = entry.with(JobState.REJECTED, null, 0, 0, "bad_job", problem);
        }
        record(entry);
        if (problem == null) {
            queue.add(job.id());
        }
        return entry.status();
    }

    private String problem(UpdateJob job) {
        if (job.id() == null || job.id().isBlank() || job.id().length() > 128) {
            return "the job needs an id of 1 to 128 characters";
        }
        Artifact a = job.artifact();
        if (a == null || a.url() == null || a.url().getScheme() == null) {
            return "the job names no artifact URL";
        }
        if (!fetchers.containsKey(a.url().getScheme())) {
            return "artifact URL scheme '" + a.url().getScheme() + "' is not one of " + String.join(", ",
                    new java.util.TreeSet<>(fetchers.keySet()));
        }
        if (a.sha256() == null || !SHA256.matcher(a.sha256()).matches()) {
            return "artifact sha256 must be 64 lower-case hex digits";
        }
        if (a.size() <= 0 || a.size() > MAX_BUNDLE_BYTES) {
            return "artifact size must be 1 to " + MAX_BUNDLE_BYTES + " bytes, got " + a.size();
        }
        if (job.probation() != null && (job.probation().isNegative() || job.probation().toHours() > 24)) {
            return "probation must be 0 s to 24 h";
        }
        return null;
    }

    @Override
    public synchronized Optional<JobStatus> cancel(String jobId) {
        JobJournal.Entry e = jobs.get(jobId);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.state().terminal()) {
            cancels.add(jobId);
            if (e.state() == JobState.QUEUED && queue.remove(jobId)) {
                record(e.with(JobState.CANCELED, null, 0, 0, "canceled", "canceled before it started"));
            }
        }
        return Optional.of(jobs.get(jobId).status());
    }

    @Override
    public synchronized Optional<JobStatus> status(String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(JobJournal.Entry::status);
    }

    @Override
    public synchronized List<JobStatus> active() {
        return jobs.values().stream().filter(e -> !e.state().terminal()).map(JobJournal.Entry::status).toList();
    }

    @Override
    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    /** Writes the job's new state to the journal, then tells the listeners. */
    private void record(JobJournal.Entry entry) {
        synchronized (this) {
            jobs.put(entry.id(), entry);
            try {
                journal.save(entry);
            } catch (IOException e) {
                LOG.error("update journal: job {} could not be written: {}", entry.id(), e.getMessage());
            }
        }
        tell(entry.status());
    }

    private void tell(JobStatus status) {
        for (JobListener l : listeners) {
            try {
                l.changed(status);
            } catch (RuntimeException e) {
                LOG.warn("update: a job listener failed: {}", e.toString());
            }
        }
    }

    private void work(JobRunner runner) {
        while (!closed) {
            String id;
            try {
                id = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            JobJournal.Entry entry;
            synchronized (this) {
                entry = jobs.get(id);
            }
            if (entry == null || entry.state().terminal()) {
                continue;
            }
            runner.run(entry);
            cancels.remove(id);
            collectGarbage();
        }
    }

    private void collectGarbage() {
        try {
            Set<String> active;
            synchronized (this) {
                active = new java.util.HashSet<>(jobs.keySet().stream().filter(k -> !jobs.get(k).state().terminal())
                        .toList());
            }
            store.collectGarbage(active);
        } catch (IOException e) {
            LOG.warn("model store: clean-up failed: {}", e.getMessage());
        }
    }

    /** Stops the engine's thread; a job under way stays in the journal as it stood and resumes at the next start. */
    @Override
    public void close() {
        closed = true;
        WorkerThread.stop(worker);
    }
}
