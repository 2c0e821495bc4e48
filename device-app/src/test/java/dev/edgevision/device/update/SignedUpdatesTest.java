package dev.edgevision.device.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.testing.TamperCases;
import dev.edgevision.core.trust.AcceptedSequences;
import dev.edgevision.core.trust.BundleSigner;
import dev.edgevision.core.trust.Compatibility;
import dev.edgevision.core.trust.TrustStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update engine with a trust store: a signed bundle is installed and its sequence recorded
 * only once its job succeeded; every tampered copy is rejected with its code on the job while the
 * model store stays byte for byte as it was; unsigned bundles pass only when allowed, with a warning.
 */
class SignedUpdatesTest {
    static final long SEQUENCE = 5;

    @TempDir
    Path dir;
    BundleServer server;
    FakeTarget target;
    TamperCases.Keys keys;
    TrustStore trust;
    final List<JobStatus> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new BundleServer();
        keys = TamperCases.Keys.generate();
        trust = TrustStore.load(keys.writeTrustStore(dir.resolve("trusted-keys")));
        Path initial = sign(dir.resolve("initial.vbundle"), 0.9f, 1);
        target = new FakeTarget(initial);
    }

    @AfterEach
    void tearDown() {
        server.close();
        target.stop();
    }

    Path sign(Path file, float score, long sequence) throws Exception {
        Path plain = dir.resolve("plain-" + file.getFileName());
        Bundles.write(plain, score);
        BundleSigner.sign(plain, file, keys.lab(), sequence, null);
        return file;
    }

    UpdateEngine engine(boolean allowUnsigned) throws Exception {
        Path state = dir.resolve("state");
        UpdateEngine engine = UpdateEngine.open(state, new TrustedBundleCheck(trust, Compatibility.of("1.0", null),
                allowUnsigned, UpdateEngine.storeDir(state)), UpdateEngineTest.FAST);
        engine.addListener(heard::add);
        engine.start(target);
        return engine;
    }

    JobStatus run(UpdateEngine engine, String id, Path bundle) throws Exception {
        byte[] bytes = Files.readAllBytes(bundle);
        URI url = server.put(id + ".vbundle", bytes);
        UpdateJob job = new UpdateJob(id, "test", new Artifact(url, JobRunner.sha256(bundle), bytes.length, null),
                false, null);
        return UpdateEngineTest.await(engine, engine.submit(job).jobId());
    }

    /**
     * The accepted sequences once the engine has recorded {@code expected} for test-detector (it writes
     * them right after the job's final status, on its own thread), or as they stand after 5 s.
     */
    AcceptedSequences acceptedOnce(long expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        AcceptedSequences now = accepted();
        while (System.nanoTime() < deadline && now.highest("test-detector").orElse(-1) != expected) {
            Thread.sleep(10);
            now = accepted();
        }
        return now;
    }

    AcceptedSequences accepted() throws Exception {
        return AcceptedSequences.read(UpdateEngine.storeDir(dir.resolve("state")).resolve(TrustedBundleCheck.ACCEPTED));
    }

    @Test
    void everyTamperedBundleIsRejectedWithItsReasonAndTheStoreDoesNotChange() throws Exception {
        Path good = sign(dir.resolve("good.vbundle"), 0.6f, SEQUENCE);
        try (UpdateEngine engine = engine(false)) {
            JobStatus first = run(engine, "good", good);
            assertEquals(JobState.SUCCEEDED, first.state(), first.message());
            assertEquals(SEQUENCE, acceptedOnce(SEQUENCE).highest("test-detector").orElse(-1), "recorded once it succeeded");
            Path store = engine.store().root();
            Map<String, String> before = StoreSnapshot.of(store);
            int activations = target.activated.size();
            List<String[]> rows = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            int n = 0;
            for (TamperCases.Case c : TamperCases.make(good, keys, SEQUENCE, dir.resolve("tampered"))) {
                JobStatus end = run(engine, "t" + n++, c.bundle());
                rows.add(new String[] {c.tamper(), c.code(), end.state().wireName() + " " + end.errorCode()});
                if (end.state() != JobState.REJECTED || !c.code().equals(end.errorCode())
                        || !end.message().contains(".part")) {
                    wrong.add(c.tamper() + ": " + end.state() + " " + end.errorCode() + " " + end.message());
                }
            }
            TamperCases.print("Update engine with a trust store: tampered bundles, each as a job", rows);
            assertTrue(wrong.isEmpty(), "not rejected as expected: " + wrong);
            assertEquals(before, StoreSnapshot.of(store), "the model store is byte for byte as it was");
            assertEquals(activations, target.activated.size(), "no model was activated");
            assertEquals(ModelBundle.open(good).sha256(), target.serving().sha256(), "the good bundle still serves");
            assertEquals(SEQUENCE, accepted().highest("test-detector").getAsLong());
        }
    }

    @Test
    void withoutATrustStoreTheArchiveHashAndCompatibilityChecksStillHold() throws Exception {
        Path good = sign(dir.resolve("good.vbundle"), 0.6f, SEQUENCE);
        java.util.Set<String> signatureCodes = java.util.Set.of("bad_signature", "unsigned", "unknown_key",
                "revoked_key", "replayed", "downgrade");
        Path state = dir.resolve("plain-state");
        try (UpdateEngine engine = UpdateEngine.open(state, new OpenedBundleCheck(Compatibility.of("1.0", null)),
                UpdateEngineTest.FAST)) {
            engine.start(target);
            assertEquals(JobState.SUCCEEDED, run(engine, "good", good).state());
            Map<String, String> before = StoreSnapshot.of(engine.store().root());
            List<String> wrong = new ArrayList<>();
            int n = 0;
            for (TamperCases.Case c : TamperCases.make(good, keys, SEQUENCE, dir.resolve("tampered"))) {
                if (signatureCodes.contains(c.code())) {
                    continue;
                }
                JobStatus end = run(engine, "p" + n++, c.bundle());
                if (end.state() != JobState.REJECTED || !c.code().equals(end.errorCode())) {
                    wrong.add(c.tamper() + ": " + end.state() + " " + end.errorCode());
                }
            }
            assertTrue(n >= 14, "cases run: " + n);
            assertTrue(wrong.isEmpty(), "not rejected as expected: " + wrong);
            assertEquals(before, StoreSnapshot.of(engine.store().root()));
        }
    }

    @Test
    void aFailedProbationRecordsNoSequenceAndTheSameBundleMayBeTriedAgain() throws Exception {
        Path bad = sign(dir.resolve("bad.vbundle"), 0.3f, 9);
        target.badSha256 = ModelBundle.open(bad).sha256();
        try (UpdateEngine engine = engine(false)) {
            assertEquals("probation_failed", run(engine, "bad", bad).errorCode());
            assertTrue(accepted().highest("test-detector").isEmpty(), "nothing recorded for a failed job");
            target.badSha256 = null;
            JobStatus again = run(engine, "again", bad);
            assertEquals(JobState.SUCCEEDED, again.state(), again.message());
            assertEquals(9, acceptedOnce(9).highest("test-detector").orElse(-1));
        }
    }

    @Test
    void anUnsignedBundleIsRejectedUnlessAllowedAndThenCarriesAWarning() throws Exception {
        Path plain = dir.resolve("plain.vbundle");
        Bundles.write(plain, 0.6f);
        try (UpdateEngine engine = engine(false)) {
            JobStatus refused = run(engine, "u1", plain);
            assertEquals(JobState.REJECTED, refused.state());
            assertEquals("unsigned", refused.errorCode());
            assertTrue(refused.message().contains("trainer bundle sign"), refused.message());
        }
        try (UpdateEngine engine = engine(true)) {
            JobStatus taken = run(engine, "u2", plain);
            assertEquals(JobState.SUCCEEDED, taken.state(), taken.message());
            assertTrue(taken.message().contains("warning: the bundle is unsigned"), taken.message());
        }
    }

    @Test
    void aDowngradeIsTakenWhenTheJobAsksForIt() throws Exception {
        Path newer = sign(dir.resolve("newer.vbundle"), 0.6f, 8);
        Path older = sign(dir.resolve("older.vbundle"), 0.7f, 6);
        try (UpdateEngine engine = engine(false)) {
            assertEquals(JobState.SUCCEEDED, run(engine, "n", newer).state());
            assertEquals(8, acceptedOnce(8).highest("test-detector").orElse(-1));
            assertEquals("downgrade", run(engine, "o1", older).errorCode());
            byte[] bytes = Files.readAllBytes(older);
            UpdateJob job = new UpdateJob("o2", "test", new Artifact(server.put("o2.vbundle", bytes),
                    JobRunner.sha256(older), bytes.length, null), true, null);
            JobStatus end = UpdateEngineTest.await(engine, engine.submit(job).jobId());
            assertEquals(JobState.SUCCEEDED, end.state(), end.message());
            assertEquals(8, accepted().highest("test-detector").getAsLong(), "the highest stays");
        }
    }

}
