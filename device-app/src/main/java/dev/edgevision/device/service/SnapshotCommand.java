package dev.edgevision.device.service;

import dev.edgevision.device.command.CommandException;
import dev.edgevision.device.command.CommandRequest;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.snapshot.BestSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code snapshot} command: {@code {"request_id": .., "camera": ..}} is answered with the
 * camera's next processed frame, its detections drawn, as a JPEG in the response itself
 * ({@code result.jpeg_base64}, with {@code content_type}, {@code bytes}, {@code width},
 * {@code height}, {@code frame}, {@code ts}, {@code detections}). One message carries the request's
 * answer to whichever response topic it asked for; a frame of 640×480 makes about 60 KB of base64.
 */
public final class SnapshotCommand {
    private final Appliance appliance;
    private final BestSnapshots snapshots;
    private final Duration wait;

    /** @param wait how long to wait for the camera's next frame before answering {@code no_frame} */
    public SnapshotCommand(Appliance appliance, BestSnapshots snapshots, Duration wait) {
        this.appliance = appliance;
        this.snapshots = snapshots;
        this.wait = wait;
    }

    /** Registers {@code snapshot} with the appliance's router. */
    public void register() {
        appliance.commands().register("snapshot", this::handle);
    }

    private Object handle(CommandRequest request) throws CommandException {
        var camera = request.body().get("camera");
        if (camera == null || !camera.isTextual()) {
            throw new CommandException("bad_request", "snapshot takes camera, the name of one of "
                    + appliance.pipelines().stream().map(CameraPipeline::camera).toList());
        }
        String name = camera.asText();
        CameraPipeline pipeline = appliance.pipeline(name).orElseThrow(() -> new CommandException("not_found",
                "no camera '" + name + "'; this device has " + appliance.pipelines().stream()
                        .map(CameraPipeline::camera).toList()));
        if (!pipeline.enabled()) {
            throw new CommandException("camera_disabled", "camera '" + name + "' is disabled; enable it with set"
                    + " {\"camera\": \"" + name + "\", \"enabled\": true}");
        }
        BestSnapshots.Jpeg jpeg;
        var answer = snapshots.latest(name);
        try {
            jpeg = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new CommandException("no_frame", "camera '" + name + "' gave no frame within " + wait.toMillis()
                    + " ms; its state is in the status");
        } catch (ExecutionException e) {
            throw new CommandException("busy", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("busy", "the device is stopping");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("camera", name);
        result.put("frame", jpeg.frame());
        result.put("ts", Instant.ofEpochMilli(jpeg.tsMillis()).toString());
        result.put("width", jpeg.width());
        result.put("height", jpeg.height());
        result.put("detections", jpeg.detections());
        result.put("content_type", "image/jpeg");
        result.put("bytes", jpeg.bytes().length);
        result.put("jpeg_base64", Base64.getEncoder().encodeToString(jpeg.bytes()));
        return result;
    }
}
