package dev.edgevision.device.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries one job through its steps. Before activation nothing the device serves changes, and a
 * failure leaves only a staging file behind (removed). From activation on, a failure or a cancel
 * makes the previous version current again and serves it. A job interrupted because the device
 * stops is left as the journal has it, staging file and all, for the next start to resume.
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final ModelStore store;
    private final BundleCheck check;
    private final UpdateSettings settings;
    private final ModelTarget target;
    private final Map<String, Fetcher> fetchers;
    private final Consumer<JobJournal.Entry> record;
    private final Predicate<String> canceled;
    private final BooleanSupplier stopping;
    private JobJournal.Entry entry;

    /**
     * @param canceled whether a job was asked to stop
     * @param stopping whether the engine is closing: a step under way stops and the job stays as the journal has it
     */
    JobRunner(ModelStore store, BundleCheck check, UpdateSettings settings, ModelTarget target,
            Map<String, Fetcher> fetchers, Consumer<JobJournal.Entry> record, Predicate<String> canceled,
            BooleanSupplier stopping) {
        this.store = store;
        this.check = check;
        this.settings = settings;
        this.target = target;
        this.fetchers = fetchers;
        this.record = record;
        this.canceled = id -> canceled.test(id) || stopping.getAsBoolean();
        this.stopping = stopping;
    }

    void run(JobJournal.Entry start) {
        entry = start;
        UpdateJob job = entry.job();
        Path part = store.staging(job.id());
        ModelTarget.Prepared prepared = null;
        boolean activated = false;
        try {
            step(JobStep.DOWNLOADING, 0, job.artifact().size(), "downloading " + job.artifact().shownUrl());
            download(job, part);
            step(JobStep.VERIFYING, 0, 0, "checking the bundle");
            BundleCheck.Verified verified = verify(job, part);
            entry = entry.withModel(verified.identity());
            Path installed = store.install(part, verified.identity().name(), verified.identity().sha256());
            String warning = verified.warning() == null ? "" : " (warning: " + verified.warning() + ")";
            step(JobStep.PREPARING, 0, 0, "preparing " + verified.identity().name() + " "
                    + verified.identity().version() + " on the backend" + warning);
            prepared = target.prepare(installed);
            stopIfCanceled(job);
            step(JobStep.VALIDATING, 0, 0, "checking the model against its reference outputs");
            target.validate(prepared);
            stopIfCanceled(job);
            activated = true;
            activate(installed, prepared);
            prepared = null;
            Duration length = job.probation() != null ? job.probation() : settings.probation();
            step(JobStep.PROBATION, 0, length.toSeconds(), "serving the new model on probation");
            new Probation(target, settings).watch(length, (done, total) -> progress(done, total),
                    () -> canceled.test(job.id()));
            finish(JobState.SUCCEEDED, null, verified.identity().name() + " " + verified.identity().version()
                    + " serves and passed its probation" + warning);
            accept(verified);
        } catch (UpdateException e) {
            if (prepared != null) {
                target.discard(prepared);
            }
            if (stopping.getAsBoolean() || "interrupted".equals(e.code())) {
                LOG.info("update: job {} stops at {} as the device stops; it resumes at the next start", job.id(),
                        entry.step() == null ? "the start" : entry.step().wireName());
                return;
            }
            end(e, activated, part);
        } catch (IOException | RuntimeException e) {
            if (prepared != null) {
                target.discard(prepared);
            }
            LOG.error("update: job {} failed: {}", job.id(), e.toString(), e);
            end(UpdateException.failed("device_error", "the device could not carry out the job: " + e.getMessage(),
                    e), activated, part);
        }
    }

    /** Records the bundle's sequence as accepted, now that its job has succeeded. */
    private void accept(BundleCheck.Verified verified) {
        try {
            check.succeeded(verified);
        } catch (IOException | RuntimeException e) {
            LOG.error("update: job {} succeeded but its sequence {} could not be recorded: {}", entry.id(),
                    verified.sequence(), e.toString());
        }
    }

    private void download(UpdateJob job, Path part) throws UpdateException, IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        long free = store.usableSpace();
        if (free - (job.artifact().size() - have) < settings.reserveBytes()) {
            throw UpdateException.failed("no_space", String.format("the bundle needs %.1f MB and %.1f MB must stay"
                    + " free, but %s has %.1f MB: free space there", (job.artifact().size() - have) / 1e6,
                    settings.reserveBytes() / 1e6, store.root(), free / 1e6));
        }
        Fetcher fetcher = fetchers.get(job.artifact().url().getScheme());
        fetcher.fetch(job, part, this::progress, () -> canceled.test(job.id()));
    }

    private BundleCheck.Verified verify(UpdateJob job, Path part) throws UpdateException, IOException {
        long size = Files.size(part);
        if (size != job.artifact().size()) {
            throw UpdateException.rejected("size_mismatch", "the bundle has " + size + " bytes, the job declares "
                    + job.artifact().size());
        }
        String sha = sha256(part);
        if (!sha.equals(job.artifact().sha256())) {
            throw UpdateException.rejected("hash_mismatch", "the bundle's sha256 is " + sha + ", the job declares "
                    + job.artifact().sha256() + ": it was damaged or replaced on the way");
        }
        return check.verify(part, job);
    }

    /** Writes which versions are swapped before swapping, so that a restart in between can be undone. */
    private void activate(Path installed, ModelTarget.Prepared prepared) throws UpdateException, IOException {
        if (store.current().isEmpty()) {
            Path baseline = baseline();
            store.activate(baseline);
        }
        Optional<Path> before = store.current();
        entry = entry.withInstalled(installed.toString(), before.map(Path::toString).orElse(null));
        step(JobStep.ACTIVATING, 0, 0, "moving the pipelines to the new model");
        store.activate(installed);
        target.activate(prepared);
    }

    /** The bundle serving before the first update, kept in the store so that a rollback has somewhere to go. */
    private Path baseline() throws UpdateException, IOException {
        Path serving = target.servingBundle();
        Path copy = store.staging("baseline-" + System.nanoTime());
        Files.copy(serving, copy, StandardCopyOption.REPLACE_EXISTING);
        String sha = sha256(copy);
        String name = serving.getFileName().toString().replaceAll("\\.vbundle$", "");
        return store.install(copy, name, sha);
    }

    private void end(UpdateException e, boolean activated, Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            LOG.debug("update: staging file {} stays: {}", part, ignored.toString());
        }
        JobState state = "canceled".equals(e.code()) ? JobState.CANCELED
                : e.rejection() ? JobState.REJECTED : JobState.FAILED;
        String message = e.getMessage();
        if (activated) {
            message += "; " + rollBack();
        }
        finish(state, e.code(), message);
    }

    /** Makes the previous version current and serves it; says what happened. */
    private String rollBack() {
        try {
            if (!store.rollBack()) {
                return "there was no previous model to go back to";
            }
            Path previous = store.current().orElseThrow();
            ModelTarget.Prepared back = target.prepare(previous);
            target.activate(back);
            return "the previous model serves again";
        } catch (UpdateException | IOException | RuntimeException e) {
            LOG.error("update: rolling back failed: {}", e.toString(), e);
            return "rolling back failed (" + e.getMessage() + "); the previous model serves after a restart";
        }
    }

    private void stopIfCanceled(UpdateJob job) throws UpdateException {
        if (canceled.test(job.id())) {
            throw UpdateException.failed("canceled", "the job was canceled");
        }
    }

    private void step(JobStep step, long done, long total, String message) {
        entry = entry.with(JobState.IN_PROGRESS, step, done, total, null, message);
        record.accept(entry);
    }

    private void progress(long done, long total) {
        entry = entry.with(JobState.IN_PROGRESS, entry.step(), done, total, null, entry.message());
        record.accept(entry);
    }

    private void finish(JobState state, String code, String message) {
        entry = entry.with(state, entry.step(), entry.done(), entry.total(), code, message);
        record.accept(entry);
        LOG.info("update: job {} {}: {}", entry.id(), state.wireName(), message);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
