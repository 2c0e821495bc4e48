package dev.edgevision.device.update.hawkbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.device.update.OpenedBundleCheck;
import dev.edgevision.device.update.UpdateEngine;
import dev.edgevision.device.update.UpdateSettings;
import dev.edgevision.device.update.hawkbit.FakeDdiServer.ActionStatus;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of 100 simulated devices in this JVM, each a hawkBit agent with its own update engine
 * (journal, model store, download, verification, probation; the model target is simulated), rolled
 * out through the fake DDI server in groups behind a canary: a good model reaches every device; a
 * model that fails its probation on the canary stops the rollout and no later group starts. The
 * time to converge is printed.
 */
class HawkbitRolloutTest {
    /** Devices in the fleet; -Dhawkbit.rollout.devices=N for another size. */
    static final int DEVICES = Integer.getInteger("hawkbit.rollout.devices", 100);
    static final UpdateSettings SETTINGS = UpdateSettings.defaults().withProbation(Duration.ofSeconds(1))
            .withFirstPause(Duration.ofMillis(50));

    @TempDir
    Path dir;
    FakeDdiServer server;
    final Set<String> bad = ConcurrentHashMap.newKeySet();
    final List<UpdateEngine> engines = new ArrayList<>();
    final List<HawkbitAgent> agents = new ArrayList<>();
    final List<SimulatedModel> models = new ArrayList<>();
    final List<FakeDdiServer.Target> targets = new ArrayList<>();
    HttpClient http;
    Path initial;

    @BeforeEach
    void fleet() throws Exception {
        server = new FakeDdiServer("DEFAULT", "00:00:01");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        initial = dir.resolve("initial.vbundle");
        ModelBundles.write(initial, 0.9f, 0);
        for (int i = 0; i < DEVICES; i++) {
            String id = String.format("cam-%03d", i);
            String token = "token-" + Integer.toHexString(id.hashCode()) + "-" + i;
            targets.add(server.target(id, token));
            SimulatedModel model = new SimulatedModel(initial, bad);
            UpdateEngine engine = UpdateEngine.open(dir.resolve(id), new OpenedBundleCheck(), SETTINGS);
            HawkbitAgent agent = HawkbitAgent.create(new HawkbitSettings(server.url(), "DEFAULT", id, token, null,
                    Duration.ofSeconds(1)), engine, () -> Map.of("device_id", id, "model_sha256",
                            model.serving().sha256()), http);
            engine.start(model);
            models.add(model);
            engines.add(engine);
            agents.add(agent);
        }
        agents.forEach(HawkbitAgent::start);
    }

    @AfterEach
    void stop() {
        agents.forEach(HawkbitAgent::close);
        engines.forEach(UpdateEngine::close);
        server.close();
    }

    static void await(java.util.function.BooleanSupplier condition, int seconds, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    FakeRollout rollout(FakeDdiServer.DistributionSet set) {
        return new FakeRollout(server, set, targets, 5, List.of(20, 50, 100), 80, 20);
    }

    static String groups(FakeRollout r) {
        StringBuilder b = new StringBuilder();
        long t0 = r.groups().get(0).startedNanos;
        for (FakeRollout.Group g : r.groups()) {
            b.append(String.format(" [group %d: %d devices, %s]", g.index, g.targets.size(), g.started()
                    ? String.format("started at %.1f s, %d finished, %d failed", (g.startedNanos - t0) / 1e9,
                            g.count(ActionStatus.FINISHED), g.count(ActionStatus.ERROR)) : "not started"));
        }
        return b.toString();
    }

    @Test
    void aGoodModelReachesEveryDeviceGroupByGroup() throws Exception {
        byte[] bytes = ModelBundles.write(dir.resolve("good.vbundle"), 0.6f, 32 * 1024);
        String sha = ModelBundle.open(dir.resolve("good.vbundle")).sha256();
        FakeRollout r = rollout(server.distributionSet("detector", "2", "good.vbundle", bytes)).start();
        if (DEVICES == 100) {
            assertEquals(List.of(5, 19, 38, 38), r.groups().stream().map(g -> g.targets.size()).toList());
        }
        assertEquals(DEVICES, r.groups().stream().mapToInt(g -> g.targets.size()).sum());
        await(() -> r.state() != FakeRollout.State.RUNNING, 60 + DEVICES, "the rollout ends:" + groups(r));
        System.out.printf("hawkBit rollout: %d devices converged on the new model in %.1f s;%s%n", DEVICES,
                r.elapsedNanos() / 1e9, groups(r));
        assertEquals(FakeRollout.State.FINISHED, r.state(), groups(r));
        for (int i = 0; i < DEVICES; i++) {
            assertEquals(sha, models.get(i).serving().sha256(), "device " + i + " serves the new model");
        }
        assertTrue(r.groups().stream().allMatch(g -> g.count(ActionStatus.FINISHED) == g.targets.size()), groups(r));
        for (int g = 1; g < r.groups().size(); g++) {
            FakeRollout.Group before = r.groups().get(g - 1);
            long finishedBefore = before.actions.stream().filter(a -> a.status == ActionStatus.FINISHED).count();
            assertTrue(finishedBefore * 100 >= 80L * before.targets.size(), "group " + g + " started after the one"
                    + " before reached its success threshold");
        }
    }

    @Test
    void aCanaryWithAFailingModelStopsTheRollout() throws Exception {
        byte[] bytes = ModelBundles.write(dir.resolve("bad.vbundle"), 0.3f, 32 * 1024);
        bad.add(ModelBundle.open(dir.resolve("bad.vbundle")).sha256());
        String old = ModelBundle.open(initial).sha256();
        FakeRollout r = rollout(server.distributionSet("detector", "3", "bad.vbundle", bytes)).start();
        await(() -> r.state() != FakeRollout.State.RUNNING, 60, "the rollout ends:" + groups(r));
        System.out.printf("hawkBit rollout of a failing model: stopped after %.1f s;%s%n", r.elapsedNanos() / 1e9,
                groups(r));
        assertEquals(FakeRollout.State.STOPPED, r.state(), groups(r));
        Thread.sleep(3000);
        assertTrue(r.groups().stream().skip(1).noneMatch(FakeRollout.Group::started), "no later group starts:"
                + groups(r));
        FakeRollout.Group canary = r.groups().get(0);
        await(() -> canary.actions.stream().noneMatch(a -> a.status.active()), 20, "every canary reports:"
                + groups(r));
        for (FakeDdiServer.Action a : canary.actions) {
            assertEquals(ActionStatus.ERROR, a.status);
            String reason = HawkbitAgentTest.closing(a).details().get(0);
            assertTrue(reason.contains("probation_failed") && reason.contains("the previous model serves again"),
                    reason);
        }
        for (int i = 0; i < DEVICES; i++) {
            assertEquals(old, models.get(i).serving().sha256(), "device " + i + " serves the model it had");
        }
    }
}
