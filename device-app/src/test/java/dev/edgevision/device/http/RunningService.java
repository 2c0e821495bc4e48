package dev.edgevision.device.http;

import dev.edgevision.camera.FrameSources;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.pipeline.BackendChoice;
import dev.edgevision.device.pipeline.BackendSelection;
import dev.edgevision.device.service.Appliance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * An HTTP server on a free loopback port in front of an appliance with one camera, "desk", whose
 * synthetic frames flow once {@link #openCamera()} is called. For the HTTP tests.
 */
final class RunningService implements AutoCloseable {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final BackendSelection CPU = new BackendSelection(BackendChoice.ONNXRUNTIME, "test: CPU");
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final HttpService http;
    final GatedSource camera;
    Appliance appliance;

    private RunningService(HttpService http, GatedSource camera) {
        this.http = http;
        this.camera = camera;
    }

    static ApplianceConfig.HttpSection section(String tokenFile, String user, String passwordFile, String drawModel) {
        return new ApplianceConfig.HttpSection(true, 0, "127.0.0.1", tokenFile, user, passwordFile, drawModel, 10.0, 4);
    }

    /** The server only; {@link #startAppliance} starts the rest. */
    static RunningService serverOnly(ApplianceConfig.HttpSection section, String cameraUri) throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        HttpService http = HttpService.start(section, HOME);
        return new RunningService(http, new GatedSource(FrameSources.open(cameraUri)));
    }

    static RunningService start(ApplianceConfig.HttpSection section, String bundle, String cameraUri) throws Exception {
        RunningService s = serverOnly(section, cameraUri);
        try {
            s.startAppliance(bundle);
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
        s.openCamera();
        return s;
    }

    void startAppliance(String bundle) throws Exception {
        ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("http-1"),
                new ApplianceConfig.ModelSection(bundle, "onnxruntime", null, 1), List.of(), null);
        appliance = Appliance.builder(config, HOME).backend(CPU).listener(http).camera("desk", camera).start();
        http.attach(appliance);
    }

    void openCamera() {
        camera.open();
    }

    URI uri(String path) {
        return http.uri().resolve(path);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 30 s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        if (appliance != null) {
            appliance.close();
        } else {
            http.close();
            camera.close();
        }
    }
}
