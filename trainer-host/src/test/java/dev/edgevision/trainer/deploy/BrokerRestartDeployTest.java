package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.trainer.cli.TrainerCli;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops while five devices are on probation and comes back 2 s later (its retained
 * messages kept on disk): {@code trainer deploy} reconnects, subscribes again, hears every
 * device's final status and exits 0.
 */
class BrokerRestartDeployTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aBrokerRestartDuringTheRolloutIsRiddenOut() throws Exception {
        ExecutorService worker = Executors.newFixedThreadPool(8);
        List<SimulatedDevice> fleet = new ArrayList<>();
        Path brokerDir = dir.resolve("broker");
        try (TestMosquitto broker = TestMosquitto.start(brokerDir, List.of("persistence true",
                "persistence_location " + brokerDir + "/", "autosave_interval 3600"))) {
            HttpClient http = HttpClient.newHttpClient();
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                ids.add("r-" + i);
                fleet.add(SimulatedDevice.start(broker.uri(), "vision", "r-" + i, http, worker, null, 8000));
            }
            CompletableFuture<CapturedRun> deploy = CompletableFuture.supplyAsync(() -> CapturedRun.of(TrainerCli::run,
                    "deploy", "--model", HOME.resolve("models/digit-detector.vbundle").toString(), "--devices",
                    String.join(",", ids), "--broker", broker.uri(), "--timeout", "90s", "--plain"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!fleet.stream().allMatch(d -> "probation".equals(d.step())) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(fleet.stream().allMatch(d -> "probation".equals(d.step())), "every device reached probation");
            broker.stop();
            Thread.sleep(2000);
            broker.start();
            CapturedRun run = deploy.get(120, TimeUnit.SECONDS);
            assertEquals(0, run.status(), run.err());
            assertTrue(run.err().contains("lost the broker"), "the loss is reported: " + run.err());
            assertEquals(5, new ObjectMapper().readTree(run.out().strip()).path("succeeded").asInt(), run.out());
            System.out.println("broker restarted during probation:\n" + run.err());
        } finally {
            for (SimulatedDevice d : fleet) {
                d.close();
            }
            worker.shutdownNow();
        }
    }
}
