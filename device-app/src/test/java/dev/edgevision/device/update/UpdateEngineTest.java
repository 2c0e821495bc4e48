package dev.edgevision.device.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.ModelBundle;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update engine on a fake model target, with bundles served over loopback HTTP: the steps in
 * order, what is refused and why, probation and rollback, the download faults, and restarts.
 */
class UpdateEngineTest {
    static final UpdateSettings FAST = UpdateSettings.defaults().withProbation(Duration.ofMillis(600))
            .withFirstPause(Duration.ofMillis(20));

    @TempDir
    Path dir;
    BundleServer server;
    FakeTarget target;
    Path initial;
    final List<JobStatus> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new BundleServer();
        initial = dir.resolve("initial.vbundle");
        Bundles.write(initial, 0.9f);
        target = new FakeTarget(initial);
    }

    @AfterEach
    void tearDown() {
        server.close();
        target.stop();
    }

    UpdateEngine engine() throws Exception {
        UpdateEngine engine = UpdateEngine.open(dir.resolve("state"), new OpenedBundleCheck(), FAST);
        engine.addListener(heard::add);
        engine.start(target);
        return engine;
    }

    UpdateJob job(String id, String name, byte[] bytes) throws Exception {
        URI url = server.put(name, bytes);
        return new UpdateJob(id, "test", new Artifact(url, JobRunner.sha256(write(name, bytes)), bytes.length, null),
                false, null);
    }

    Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve("served-" + name);
        Files.write(p, bytes);
        return p;
    }

    static JobStatus await(UpdateEngine engine, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            JobStatus s = engine.status(id).orElseThrow();
            if (s.state().terminal()) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " did not end: " + engine.status(id));
    }

    @Test
    void aJobGoesThroughEveryStepAndTheStoreKeepsTheModelBefore() throws Exception {
        byte[] next = Bundles.write(dir.resolve("next.vbundle"), 0.6f);
        try (UpdateEngine engine = engine()) {
            JobStatus end = await(engine, engine.submit(job("j1", "next.vbundle", next)).jobId());
            assertEquals(JobState.SUCCEEDED, end.state(), end.message());
            List<JobStep> steps = heard.stream().filter(s -> s.state() == JobState.IN_PROGRESS).map(JobStatus::step)
                    .distinct().toList();
            assertEquals(List.of(JobStep.DOWNLOADING, JobStep.VERIFYING, JobStep.PREPARING, JobStep.VALIDATING,
                    JobStep.ACTIVATING, JobStep.PROBATION), steps);
            String sha = ModelBundle.open(dir.resolve("next.vbundle")).sha256();
            assertEquals(sha, target.serving().sha256());
            assertEquals(sha, end.model().sha256());
            Path current = engine.store().current().orElseThrow();
            assertEquals(JobRunner.sha256(dir.resolve("next.vbundle")), JobRunner.sha256(current));
            assertEquals(JobRunner.sha256(initial), JobRunner.sha256(engine.store().previous().orElseThrow()),
                    "the bundle served before the first update is kept as previous");
            assertEquals(end, engine.submit(job("j1", "next.vbundle", next)), "the same job id again is a no-op");
        }
    }

    @Test
    void aDamagedBundleIsRejectedAndNothingChanges() throws Exception {
        byte[] next = Bundles.write(dir.resolve("next.vbundle"), 0.6f);
        byte[] flipped = next.clone();
        flipped[flipped.length / 2] ^= 0x10;
        try (UpdateEngine engine = engine()) {
            URI url = server.put("flipped.vbundle", flipped);
            UpdateJob job = new UpdateJob("j2", "test", new Artifact(url, JobRunner.sha256(dir.resolve("next.vbundle")),
                    next.length, null), false, null);
            JobStatus end = await(engine, engine.submit(job).jobId());
            assertEquals(JobState.REJECTED, end.state());
            assertEquals("hash_mismatch", end.errorCode());
            assertTrue(engine.store().current().isEmpty(), "no version was activated");
            assertTrue(target.activated.isEmpty());
            try (var staged = Files.list(engine.store().root().resolve("staging"))) {
                assertEquals(0, staged.count(), "the download is gone");
            }
        }
    }

    @Test
    void aMalformedJobIsRejectedAtOnce() throws Exception {
        try (UpdateEngine engine = engine()) {
            JobStatus s = engine.submit(new UpdateJob("j3", "test", new Artifact(URI.create("ftp://x/y"), "ab", 10,
                    null), false, null));
            assertEquals(JobState.REJECTED, s.state());
            assertEquals("bad_job", s.errorCode());
            assertTrue(s.message().contains("ftp"), s.message());
        }
    }

    @Test
    void aModelThatFailsFramesInProbationIsRolledBack() throws Exception {
        byte[] bad = Bundles.write(dir.resolve("bad.vbundle"), 0.3f);
        target.badSha256 = ModelBundle.open(dir.resolve("bad.vbundle")).sha256();
        try (UpdateEngine engine = engine()) {
            JobStatus end = await(engine, engine.submit(job("j4", "bad.vbundle", bad)).jobId());
            assertEquals(JobState.FAILED, end.state());
            assertEquals("probation_failed", end.errorCode());
            assertTrue(end.message().contains("the previous model serves again"), end.message());
            assertEquals(ModelBundle.open(initial).sha256(), target.serving().sha256());
            assertEquals(JobRunner.sha256(initial), JobRunner.sha256(engine.store().current().orElseThrow()));
        }
    }

    @Test
    void aFailedValidationChangesNothing() throws Exception {
        byte[] next = Bundles.write(dir.resolve("next.vbundle"), 0.6f);
        target.failValidation = true;
        try (UpdateEngine engine = engine()) {
            JobStatus end = await(engine, engine.submit(job("j5", "next.vbundle", next)).jobId());
            assertEquals(JobState.FAILED, end.state());
            assertEquals("validation_failed", end.errorCode());
            assertTrue(target.activated.isEmpty());
            assertTrue(engine.store().current().isEmpty());
        }
    }

    @Test
    void downloadsResumeAfterABodyCutShortAndCopeWithServersIgnoringOrRefusingRanges() throws Exception {
        byte[] next = Bundles.write(dir.resolve("next.vbundle"), 0.6f);
        try (UpdateEngine engine = engine()) {
            server.fault(BundleServer.Fault.CUT_SHORT, 1);
            assertEquals(JobState.SUCCEEDED, await(engine, engine.submit(job("cut", "a.vbundle", next)).jobId()).state());
            assertTrue(server.rangeRequests() >= 1, "the second request resumed with a Range");

            byte[] other = Bundles.write(dir.resolve("other.vbundle"), 0.7f);
            settle();
            Files.write(engine.store().staging("ignored"), java.util.Arrays.copyOf(other, other.length / 3));
            server.fault(BundleServer.Fault.IGNORE_RANGE, 1);
            int ranges = server.rangeRequests();
            assertEquals(JobState.SUCCEEDED, await(engine, engine.submit(job("ignored", "b.vbundle", other)).jobId())
                    .state(), "a 200 to a Range request is read from the start");
            assertEquals(ranges + 1, server.rangeRequests());

            byte[] third = Bundles.write(dir.resolve("third.vbundle"), 0.8f);
            settle();
            Files.write(engine.store().staging("refused"), java.util.Arrays.copyOf(third, third.length / 2));
            server.fault(BundleServer.Fault.REFUSE_RANGE, 1);
            int requests = server.requests();
            assertEquals(JobState.SUCCEEDED, await(engine, engine.submit(job("refused", "c.vbundle", third)).jobId())
                    .state(), "after a 416 the download starts over");
            assertEquals(requests + 2, server.requests(), "the refused range, then the whole file");
        }
    }

    /**
     * Lets the clean-up that follows a job's end run before a test puts a partial download in
     * staging (the clean-up removes staging files of jobs it does not know).
     */
    static void settle() throws InterruptedException {
        Thread.sleep(300);
    }

    @Test
    void aMissingArtifactFailsNamingTheServersAnswer() throws Exception {
        try (UpdateEngine engine = engine()) {
            URI gone = URI.create(server.put("x", new byte[1]).toString().replace("/x", "/missing.vbundle"));
            JobStatus end = await(engine, engine.submit(new UpdateJob("j6", "test", new Artifact(gone, "0".repeat(64),
                    100, null), false, null)).jobId());
            assertEquals(JobState.FAILED, end.state());
            assertEquals("download_refused", end.errorCode());
            assertTrue(end.message().contains("404"), end.message());
        }
    }

    @Test
    void afterARestartADownloadGoesOnAndAModelOnProbationIsRolledBack() throws Exception {
        byte[] next = Bundles.write(dir.resolve("next.vbundle"), 0.6f);
        UpdateJob job = job("r1", "next.vbundle", next);
        JobJournal journal = new JobJournal(dir.resolve("state").resolve("jobs"));
        journal.save(JobJournal.Entry.of(0, job).with(JobState.IN_PROGRESS, JobStep.DOWNLOADING, 10, next.length,
                null, "downloading"));
        Files.createDirectories(dir.resolve("state/models/staging"));
        Files.write(dir.resolve("state/models/staging/r1.part"), java.util.Arrays.copyOf(next, next.length / 3));
        try (UpdateEngine engine = engine()) {
            JobStatus end = await(engine, "r1");
            assertEquals(JobState.SUCCEEDED, end.state(), end.message());
            assertTrue(end.resumed());
            assertTrue(server.rangeRequests() >= 1, "the download resumed from the third already there");
        }
        // Now the device dies while a second update is on probation.
        byte[] other = Bundles.write(dir.resolve("other.vbundle"), 0.7f);
        UpdateJob second = job("r2", "other.vbundle", other);
        ModelStore store = ModelStore.open(dir.resolve("state/models"));
        Path staged = store.staging("r2");
        Files.write(staged, other);
        Path installed = store.install(staged, "test-detector", JobRunner.sha256(dir.resolve("other.vbundle")));
        String before = store.current().orElseThrow().toString();
        store.activate(installed);
        journal.save(JobJournal.Entry.of(1, second).withInstalled(installed.toString(), before)
                .with(JobState.IN_PROGRESS, JobStep.PROBATION, 3, 60, null, "on probation"));
        try (UpdateEngine engine = UpdateEngine.open(dir.resolve("state"), new OpenedBundleCheck(), FAST)) {
            JobStatus end = engine.status("r2").orElseThrow();
            assertEquals(JobState.FAILED, end.state());
            assertEquals("restarted_during_probation", end.errorCode());
            assertTrue(end.resumed());
            assertEquals(JobRunner.sha256(dir.resolve("next.vbundle")), JobRunner.sha256(engine.bundleToServe(initial)),
                    "the store serves the model before the one on probation");
            assertFalse(engine.active().stream().anyMatch(s -> s.jobId().equals("r2")));
        }
    }
}
