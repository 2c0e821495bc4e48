package dev.edgevision.device.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.pipeline.BackendChoice;
import dev.edgevision.device.pipeline.BackendSelection;
import dev.edgevision.device.pipeline.DetectionBundles;
import dev.edgevision.device.pipeline.ServedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model swapped under a running pipeline: the old model serves until the new one's detector is
 * ready, records and status name the model serving at each frame, few frames are lost, and a model
 * that cannot serve leaves the old one in place.
 */
class ModelSwapTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final BackendSelection CPU = new BackendSelection(BackendChoice.ONNXRUNTIME, "test: CPU");

    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("edgevision.home", HOME.toString());
    }

    record Seen(String sha256, long sequence) {
    }

    static ApplianceConfig config() {
        return new ApplianceConfig(new ApplianceConfig.DeviceSection("swap-1"),
                new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1),
                List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=15&seed=5")), null);
    }

    static ApplianceListener collecting(List<Seen> seen) {
        return new ApplianceListener() {
            @Override
            public void onRecord(String camera, DetectionRecord record) {
                seen.add(new Seen(record.model().sha256(), record.frame()));
            }
        };
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theNewModelServesFromTheNextFrameAndRecordsAndStatusSaySo() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (Appliance appliance = Appliance.builder(config(), HOME).backend(CPU).listener(collecting(seen)).start()) {
            String old = appliance.models().current().identity().sha256();
            await(() -> seen.size() >= 10, "records from the first model");
            ModelBundle detector = ModelBundle.open(HOME.resolve("models/digit-detector.vbundle"));
            ServedModel next = ServedModel.start(detector, CPU, null, 1, null, null);
            ServedModel replaced = appliance.models().swap(next);
            assertEquals(old, replaced.identity().sha256());
            assertTrue(appliance.models().awaitSwapped(java.time.Duration.ofSeconds(10)), "the pipeline took it");
            String fresh = next.identity().sha256();
            await(() -> seen.stream().filter(s -> s.sha256().equals(fresh)).count() >= 10, "records from the new model");
            assertEquals(fresh, appliance.status().model().sha256(), "the status names the model serving");

            int first = indexOfFirst(seen, fresh);
            assertTrue(first > 0, "the old model served first");
            assertTrue(seen.subList(0, first).stream().allMatch(s -> s.sha256().equals(old)), seen.toString());
            assertTrue(seen.subList(first, seen.size()).stream().allMatch(s -> s.sha256().equals(fresh)),
                    "no record goes back to the old model");
            long lost = seen.get(first).sequence() - seen.get(first - 1).sequence() - 1;
            System.out.printf("model swap at 15 frames/s: %d frames lost between the last record of the old model"
                    + " (frame %d) and the first of the new (frame %d)%n", lost, seen.get(first - 1).sequence(),
                    seen.get(first).sequence());
            assertTrue(lost <= 3, "frames lost in the swap: " + lost);
        }
    }

    record SeenBy(String sha256, long sequence, String thread) {
    }

    @Test
    void aSwapReachesEveryWorkerOfAPipeline() throws Exception {
        List<SeenBy> seen = new CopyOnWriteArrayList<>();
        ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("swap-2"),
                new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1, 2),
                List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=30&seed=5")), null);
        ApplianceListener listener = new ApplianceListener() {
            @Override
            public void onRecord(String camera, DetectionRecord record) {
                seen.add(new SeenBy(record.model().sha256(), record.frame(), Thread.currentThread().getName()));
            }
        };
        try (Appliance appliance = Appliance.builder(config, HOME).backend(CPU).listener(listener).start()) {
            assertEquals(2, appliance.pipelines().get(0).workers());
            String old = appliance.models().current().identity().sha256();
            await(() -> threads(seen, old).size() == 2, "records of the first model from both workers");
            ModelBundle detector = ModelBundle.open(HOME.resolve("models/digit-detector.vbundle"));
            ServedModel next = ServedModel.start(detector, CPU, null, 1, null, null);
            appliance.models().swap(next);
            assertTrue(appliance.models().awaitSwapped(java.time.Duration.ofSeconds(10)), "both workers took it");
            String fresh = next.identity().sha256();
            await(() -> threads(seen, fresh).size() == 2 && seen.stream().filter(s -> s.sha256().equals(fresh)).count()
                    >= 10, "records of the new model from both workers");
            List<SeenBy> all = List.copyOf(seen);
            int first = 0;
            while (!all.get(first).sha256().equals(fresh)) {
                first++;
            }
            assertTrue(all.subList(first, all.size()).stream().allMatch(s -> s.sha256().equals(fresh)),
                    "no worker goes on with the old model: " + all.subList(first, all.size()));
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).sequence() > all.get(i - 1).sequence(), "frame order: " + all);
            }
        }
    }

    static java.util.Set<String> threads(List<SeenBy> seen, String sha) {
        return seen.stream().filter(s -> s.sha256().equals(sha)).map(SeenBy::thread)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aModelThatCannotServeLeavesTheOldOneServing() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Path broken = dir.resolve("mislabelled.vbundle");
        DetectionBundles.write(broken, List.of(-1, 6, 3), "yolov5");
        try (Appliance appliance = Appliance.builder(config(), HOME).backend(CPU).listener(collecting(seen)).start()) {
            String old = appliance.models().current().identity().sha256();
            ServedModel bad = ServedModel.start(ModelBundle.open(broken), CPU, null, 1, null, null);
            DetectorException e = assertThrows(DetectorException.class, () -> appliance.models().swap(bad));
            assertTrue(e.getMessage().contains("mislabelled.vbundle"), e.getMessage());
            bad.retire();
            int before = seen.size();
            await(() -> seen.size() >= before + 5, "records after the refused swap");
            assertEquals(old, appliance.models().current().identity().sha256());
            assertTrue(seen.stream().allMatch(s -> s.sha256().equals(old)), "only the old model served");
        }
    }

    static int indexOfFirst(List<Seen> seen, String sha) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).sha256().equals(sha)) {
                return i;
            }
        }
        return -1;
    }
}
