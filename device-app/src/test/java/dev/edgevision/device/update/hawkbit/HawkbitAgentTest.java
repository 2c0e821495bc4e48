package dev.edgevision.device.update.hawkbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.device.update.JobState;
import dev.edgevision.device.update.JobStatus;
import dev.edgevision.device.update.OpenedBundleCheck;
import dev.edgevision.device.update.UpdateEngine;
import dev.edgevision.device.update.UpdateSettings;
import dev.edgevision.device.update.hawkbit.FakeDdiServer.Action;
import dev.edgevision.device.update.hawkbit.FakeDdiServer.ActionStatus;
import dev.edgevision.device.update.hawkbit.FakeDdiServer.Download;
import dev.edgevision.device.update.hawkbit.FakeDdiServer.Fault;
import dev.edgevision.device.update.hawkbit.FakeDdiServer.Message;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hawkBit agent with the real update engine against the fake DDI server on loopback: a
 * deployment lands and is reported, a damaged artifact fails with its reason, a cancel, a restart in
 * the middle of a download, the server's download faults, a bad token, and an action closed on the
 * server while the device works on it.
 */
class HawkbitAgentTest {
    static final UpdateSettings FAST = UpdateSettings.defaults().withProbation(Duration.ofMillis(600))
            .withFirstPause(Duration.ofMillis(20));
    static final String TOKEN = "Tk7qS3cr3tT0kenForCam1xyz";

    @TempDir
    Path dir;
    FakeDdiServer server;
    SimulatedModel model;
    Path initial;
    UpdateEngine engine;
    HawkbitAgent agent;
    final List<JobStatus> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeDdiServer("DEFAULT", "00:00:01");
        server.target("cam-1", TOKEN);
        initial = dir.resolve("initial.vbundle");
        ModelBundles.write(initial, 0.9f, 0);
        model = new SimulatedModel(initial, Set.of());
    }

    @AfterEach
    void tearDown() {
        if (agent != null) {
            agent.close();
        }
        if (engine != null) {
            engine.close();
        }
        server.close();
    }

    HawkbitSettings settings(String token) {
        return new HawkbitSettings(server.url(), "DEFAULT", "cam-1", token, null, Duration.ofSeconds(1));
    }

    void startDevice(String token) throws Exception {
        engine = UpdateEngine.open(dir.resolve("state"), new OpenedBundleCheck(), FAST);
        engine.addListener(heard::add);
        agent = HawkbitAgent.create(settings(token), engine, () -> Map.of("device_id", "cam-1", "model",
                model.serving().name() + " " + model.serving().version(), "model_sha256", model.serving().sha256(),
                "backend", "simulated"));
        engine.start(model);
        agent.start();
    }

    FakeDdiServer.DistributionSet set(String name, float score, int padding) throws Exception {
        byte[] bytes = ModelBundles.write(dir.resolve(name), score, padding);
        return server.distributionSet("detector", name, name, bytes);
    }

    static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(20);
        }
    }

    static Message closing(Action a) {
        return a.feedback.stream().filter(m -> m.execution().equals("closed")).findFirst().orElseThrow();
    }

    @Test
    void aDeploymentLandsAndIsReportedClosedSuccess() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(err, logs), true));
        try {
            FakeDdiServer.DistributionSet next = set("next.vbundle", 0.6f, 0);
            startDevice(TOKEN);
            await(() -> "cam-1".equals(server.target("cam-1").attributes.get("device_id")), 10,
                    "the device answers configData");
            Action action = server.assign("cam-1", next);
            await(() -> action.status == ActionStatus.FINISHED, 20, "the action is closed: " + action.feedback);
            String sha = ModelBundle.open(dir.resolve("next.vbundle")).sha256();
            assertEquals(sha, model.serving().sha256(), "the new model serves");
            Message end = closing(action);
            assertEquals("success", end.finished());
            assertTrue(end.details().get(0).contains("passed its probation"), end.details().toString());
            List<Message> proceeding = action.feedback.stream().filter(m -> m.execution().equals("proceeding")).toList();
            List<String> steps = proceeding.stream().map(m -> m.details().get(0)).toList();
            for (String step : List.of("downloading", "verifying", "preparing", "validating", "activating",
                    "probation")) {
                assertTrue(steps.stream().anyMatch(d -> d.startsWith("in_progress: " + step)), step + " in " + steps);
            }
            assertTrue(proceeding.stream().allMatch(m -> m.finished().equals("none")));
            assertTrue(end.body().contains("\"finished\":\"success\""), end.body());
            await(() -> sha.equals(server.target("cam-1").attributes.get("model_sha256")), 10,
                    "the attributes are sent again after the update");
            assertEquals("simulated", server.target("cam-1").attributes.get("backend"));
            assertEquals(1, server.downloads().size(), "one download: " + server.downloads());
            for (Message m : action.feedback) {
                assertFalse(m.body().contains(TOKEN), "feedback holds no token");
            }
            server.target("cam-1").configBodies.forEach(b -> assertFalse(b.contains(TOKEN)));
            assertFalse(agent.toString().contains(TOKEN) || settings(TOKEN).toString().contains(TOKEN));
        } finally {
            System.setErr(err);
        }
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("hawkBit: action"), "the test saw the agent's log");
        assertFalse(logged.contains(TOKEN), "the token is never logged");
    }

    @Test
    void theSameActionSeenAtEveryPollIsOneJob() throws Exception {
        FakeDdiServer.DistributionSet next = set("next.vbundle", 0.6f, 96 * 1024);
        server.throttle(32 * 1024);
        startDevice(TOKEN);
        Action action = server.assign("cam-1", next);
        await(() -> action.status == ActionStatus.FINISHED, 30, "the action is closed: " + action.feedback);
        assertTrue(server.polls() >= 3, "the device polled during the download: " + server.polls());
        assertEquals(1, server.downloads().size(), "one download: " + server.downloads());
        assertEquals(1, heard.stream().map(JobStatus::jobId).distinct().count());
        assertEquals(1, action.feedback.stream().filter(m -> m.execution().equals("closed")).count());
    }

    @Test
    void aDamagedArtifactIsReportedClosedFailureWithTheReason() throws Exception {
        byte[] good = ModelBundles.write(dir.resolve("next.vbundle"), 0.6f, 0);
        byte[] damaged = good.clone();
        damaged[damaged.length / 2] ^= 0x10;
        FakeDdiServer.DistributionSet set = server.distributionSet("detector", "2", "next.vbundle", damaged);
        set.sha256 = FakeDdiServer.sha256(good);
        startDevice(TOKEN);
        Action action = server.assign("cam-1", set);
        await(() -> action.status == ActionStatus.ERROR, 20, "the action fails: " + action.feedback);
        Message end = closing(action);
        assertEquals("failure", end.finished());
        assertTrue(end.details().get(0).contains("hash_mismatch"), end.details().toString());
        assertTrue(end.details().get(0).contains("damaged or replaced"), end.details().toString());
        assertEquals(ModelBundle.open(initial).sha256(), model.serving().sha256(), "the old model serves");
    }

    @Test
    void aCancelStopsTheDownloadAndIsConfirmed() throws Exception {
        FakeDdiServer.DistributionSet next = set("next.vbundle", 0.6f, 256 * 1024);
        server.throttle(32 * 1024);
        startDevice(TOKEN);
        Action action = server.assign("cam-1", next);
        await(() -> action.feedback.stream().anyMatch(m -> m.details().get(0).startsWith("in_progress: downloading")),
                10, "the download starts");
        server.cancel(action);
        await(() -> action.status == ActionStatus.CANCELED, 15, "the cancel is confirmed: " + action.cancelFeedback);
        Message confirm = action.cancelFeedback.get(action.cancelFeedback.size() - 1);
        assertEquals("closed", confirm.execution());
        assertEquals("success", confirm.finished());
        assertTrue(confirm.details().get(0).startsWith("canceled"), confirm.details().toString());
        assertEquals(JobState.CANCELED, engine.status("hawkbit-" + action.id).orElseThrow().state());
        assertEquals(ModelBundle.open(initial).sha256(), model.serving().sha256(), "the old model serves");
        assertTrue(action.feedback.stream().noneMatch(m -> m.execution().equals("closed")));
    }

    @Test
    void aRestartInTheMiddleOfTheDownloadResumesWithRange() throws Exception {
        FakeDdiServer.DistributionSet next = set("next.vbundle", 0.6f, 256 * 1024);
        server.throttle(48 * 1024);
        startDevice(TOKEN);
        Action action = server.assign("cam-1", next);
        String job = "hawkbit-" + action.id;
        await(() -> engine.status(job).map(s -> s.done() > s.total() / 4).orElse(false), 15,
                "a quarter is downloaded");
        agent.close();
        engine.close();
        assertEquals(JobState.IN_PROGRESS, engine.status(job).orElseThrow().state(), "the job stays under way");
        long before = server.downloads().size();
        server.throttle(0);
        heard.clear();
        startDevice(TOKEN);
        await(() -> action.status == ActionStatus.FINISHED, 20, "the action is closed: " + action.feedback);
        assertEquals("success", closing(action).finished());
        List<Download> after = server.downloads().subList((int) before, server.downloads().size());
        assertEquals(206, after.get(0).status(), "the download goes on where it stopped: " + after);
        assertTrue(after.get(0).range().matches("bytes=\\d+-"), after.toString());
        assertTrue(heard.stream().anyMatch(JobStatus::resumed), "the job says it resumed");
        assertTrue(action.feedback.stream().anyMatch(m -> m.details().get(0).contains("resumed after a restart")));
        assertEquals(ModelBundle.open(dir.resolve("next.vbundle")).sha256(), model.serving().sha256());
    }

    @Test
    void aBodyCutShortThenRangeIgnoredStillLands() throws Exception {
        server.faults(Fault.CUT_SHORT, Fault.IGNORE_RANGE);
        landsDespiteFaults(List.of(200, 200));
    }

    @Test
    void aBodyCutShortThenRangeRefusedStartsOverAndLands() throws Exception {
        server.faults(Fault.CUT_SHORT, Fault.REFUSE_RANGE);
        landsDespiteFaults(List.of(200, 416, 200));
    }

    private void landsDespiteFaults(List<Integer> statuses) throws Exception {
        FakeDdiServer.DistributionSet next = set("next.vbundle", 0.6f, 64 * 1024);
        startDevice(TOKEN);
        Action action = server.assign("cam-1", next);
        await(() -> action.status == ActionStatus.FINISHED, 20, "the action is closed: " + action.feedback);
        assertEquals(statuses, server.downloads().stream().map(Download::status).toList(), server.downloads().toString());
        assertTrue(server.downloads().get(1).range() != null, "the second request asks for the rest");
        assertEquals(ModelBundle.open(dir.resolve("next.vbundle")).sha256(), model.serving().sha256());
    }

    @Test
    void aBadTokenIsRefusedAndSaysWhatToCheck() throws Exception {
        String wrong = "WrongTokenWrongToken42";
        startDevice(wrong);
        Action action = server.assign("cam-1", set("next.vbundle", 0.6f, 0));
        await(() -> agent.problem() != null, 10, "the poll fails");
        assertTrue(agent.problem().contains("401"), agent.problem());
        assertTrue(agent.problem().contains("target_token"), agent.problem());
        assertFalse(agent.problem().contains(wrong), "the message holds no token");
        assertTrue(server.unauthorized() > 0);
        assertEquals(0, agent.polls());
        assertTrue(action.feedback.isEmpty());
        assertEquals(ActionStatus.RUNNING, action.status);
    }

    @Test
    void anActionClosedOnTheServerStopsTheJob() throws Exception {
        FakeDdiServer.DistributionSet next = set("next.vbundle", 0.6f, 256 * 1024);
        server.throttle(32 * 1024);
        startDevice(TOKEN);
        Action action = server.assign("cam-1", next);
        String job = "hawkbit-" + action.id;
        await(() -> action.feedback.stream().anyMatch(m -> m.details().get(0).startsWith("in_progress: downloading")),
                10, "the download starts");
        server.forceQuit(action);
        await(() -> engine.status(job).map(s -> s.state().terminal()).orElse(false), 20,
                "the job ends once feedback is answered 410");
        JobStatus end = engine.status(job).orElseThrow();
        assertEquals(JobState.CANCELED, end.state(), end.toString());
        assertEquals(ModelBundle.open(initial).sha256(), model.serving().sha256(), "the old model serves");
        assertNotNull(action.last());
    }

    @Test
    void aDownloadRedirectedToAnotherHostCarriesNoToken() throws Exception {
        FakeDdiServer.DistributionSet next = set("next.vbundle", 0.6f, 0);
        List<String> authorizations = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer cdn = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        cdn.createContext("/", ex -> {
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.sendResponseHeaders(200, next.body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(next.body);
            }
        });
        cdn.start();
        try {
            server.redirectArtifacts(java.net.URI.create("http://127.0.0.1:" + cdn.getAddress().getPort() + "/cdn"));
            startDevice(TOKEN);
            Action action = server.assign("cam-1", next);
            await(() -> action.status == ActionStatus.FINISHED, 20, "the action is closed: " + action.feedback);
            assertEquals(List.of(302), server.downloads().stream().map(Download::status).toList());
            assertEquals(List.of("null"), authorizations, "the other host gets no Authorization header");
        } finally {
            cdn.stop(0);
        }
    }

    @Test
    void aGatewayTokenServesWhenThereIsNoTargetToken() throws Exception {
        server.gatewayToken("GwT0kenForTheTenant");
        engine = UpdateEngine.open(dir.resolve("state"), new OpenedBundleCheck(), FAST);
        agent = HawkbitAgent.create(new HawkbitSettings(server.url(), "DEFAULT", "cam-1", null, "GwT0kenForTheTenant",
                Duration.ofSeconds(1)), engine, () -> Map.of("device_id", "cam-1"));
        engine.start(model);
        agent.start();
        Action action = server.assign("cam-1", set("next.vbundle", 0.6f, 0));
        await(() -> action.status == ActionStatus.FINISHED, 20, "the action is closed: " + action.feedback);
        assertEquals(0, server.unauthorized());
    }

    @Test
    void thePollingIntervalIsTheServers() throws Exception {
        server.close();
        server = new FakeDdiServer("DEFAULT", "00:00:02");
        server.target("cam-1", TOKEN);
        startDevice(TOKEN);
        Thread.sleep(5000);
        long polls = agent.polls();
        assertTrue(polls >= 2 && polls <= 4, "about one poll in 2 s over 5 s (the device's own default is 1 s): "
                + polls);
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
