package dev.edgevision.device.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import dev.edgevision.device.mqtt.MqttListener;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.mqtt.MqttSettings;
import dev.edgevision.device.pipeline.BackendChoice;
import dev.edgevision.device.pipeline.BackendSelection;
import dev.edgevision.tensorrt.serve.EngineStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with the TensorRT backend (faked: no GPU here): the CPU serves while the engine builds,
 * the pipelines switch when it is ready and validated, and records and the MQTT status say so; a build
 * that fails leaves the CPU serving, with the reason in the status.
 */
class EngineSwitchOverTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final BackendSelection GPU = new BackendSelection(BackendChoice.TENSORRT,
            "GPU and TensorRT found: Orin (compute 8.7), CUDA 12.6, TensorRT 10.3.0");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("edgevision.home", HOME.toString());
    }

    ApplianceConfig config(Path bundle, ApplianceConfig.MqttSection mqtt) {
        return new ApplianceConfig(new ApplianceConfig.DeviceSection("trt-1"),
                new ApplianceConfig.ModelSection(bundle.toString(), "auto", 0.5, 1),
                List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=20")), mqtt,
                new ApplianceConfig.TensorrtSection("fp16", null, null, dir.resolve("engines").toString(), "1m", null,
                        null));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theCpuServesWhileTheEngineBuildsThenRecordsComeFromTensorRt() throws Exception {
        Path bundle = FakeTensorRt.bundleWithSamples(HOME, dir);
        FakeTensorRt trt = new FakeTensorRt(false);
        List<String> backends = new CopyOnWriteArrayList<>();
        ApplianceListener records = new ApplianceListener() {
            @Override
            public void onRecord(String camera, DetectionRecord record) {
                backends.add(record.backend());
            }
        };
        try (Appliance service = Appliance.builder(config(bundle, null), HOME).backend(GPU)
                .engineParts(trt.parts(ModelBundle.open(bundle))).listener(records).start()) {
            await(() -> backends.size() >= 3, "records from the CPU");
            assertTrue(backends.stream().allMatch("onnxruntime-cpu"::equals), backends.toString());
            assertEquals(EngineStatus.State.BUILDING, service.models().current().engineStatus().orElseThrow().state());
            assertTrue(service.models().current().backendReason().startsWith("engine building, the CPU serves meanwhile: building the"
                    + " TensorRT fp16 engine"), service.models().current().backendReason());
            trt.release.countDown();
            await(() -> backends.contains("tensorrt-fp16"), "records from TensorRT");
            assertEquals("tensorrt-fp16", service.backendName());
            assertTrue(service.models().current().backendReason().startsWith(GPU.reason()
                    + "; TensorRT fp16 engine ready"), service.models().current().backendReason());
            int switched = backends.indexOf("tensorrt-fp16");
            assertTrue(backends.subList(switched, backends.size()).stream().allMatch("tensorrt-fp16"::equals),
                    "no record goes back to the CPU: " + backends);
        }
    }

    @Test
    void aFailedBuildKeepsTheCpuAndTheStatusSaysWhy() throws Exception {
        Path bundle = FakeTensorRt.bundleWithSamples(HOME, dir);
        FakeTensorRt trt = new FakeTensorRt(true);
        List<JsonNode> statuses = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            MqttClient subscriber = new MqttClient(broker.uri(), "engine-status-test", new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe("vision/trt-1/status", (topic, message) ->
                    statuses.add(JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8))));
            ApplianceConfig config = config(bundle, new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision",
                    0, dir.resolve("spool").toString(), 1));
            MqttPublisher mqtt = MqttPublisher.start(MqttSettings.builder(broker.uri(), "trt-1", dir.resolve("spool"))
                    .build(), new DeviceStatus("starting", "test", null, null, List.of("desk")));
            try (Appliance service = Appliance.builder(config, HOME).backend(GPU)
                    .engineParts(trt.parts(ModelBundle.open(bundle))).listener(new MqttListener(mqtt))
                    .softwareVersion("test").statsSeconds(1).start()) {
                await(() -> statuses.stream().anyMatch(s -> "building".equals(s.path("engine").path("state").asText())),
                        "a status saying the engine builds");
                trt.release.countDown();
                await(() -> statuses.stream().anyMatch(s -> "failed".equals(s.path("engine").path("state").asText())),
                        "a status saying the engine failed");
                assertEquals("onnxruntime-cpu", service.backendName());
            }
            subscriber.disconnect();
            subscriber.close();
        }
        JsonNode building = statuses.stream().filter(s -> "building".equals(s.path("engine").path("state").asText()))
                .findFirst().orElseThrow();
        assertEquals("onnxruntime-cpu", building.path("backend").asText());
        assertEquals("fp16", building.path("engine").path("precision").asText());
        assertTrue(building.path("backend_reason").asText().startsWith("engine building"), building.toString());
        JsonNode failed = statuses.stream().filter(s -> "failed".equals(s.path("engine").path("state").asText()))
                .findFirst().orElseThrow();
        assertEquals("onnxruntime-cpu", failed.path("backend").asText());
        assertEquals("the engine could not be built: the fake GPU ran out of memory",
                failed.path("engine").path("detail").asText());
        assertTrue(failed.path("backend_reason").asText().startsWith("CPU fallback: TensorRT fp16 engine not used"),
                failed.toString());
    }
}
