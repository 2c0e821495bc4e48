package dev.edgevision.device.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgevision.device.update.Artifact;
import dev.edgevision.device.update.JobStatus;
import dev.edgevision.device.update.UpdateJob;
import dev.edgevision.device.update.UpdateService;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Update jobs over MQTT (README, "MQTT"): a job document on {@code vision/{device}/jobs/{id}} is
 * submitted to the update service, {@code .../jobs/{id}/cancel} cancels it, and every change of
 * every job is published retained on {@code .../jobs/{id}/status}. Chunks of {@code mqtt-chunks:}
 * artifacts go to {@link MqttChunkFetcher}. A malformed document is answered with a
 * {@code rejected} status naming what is wrong; nothing from the broker can stop the service.
 */
public final class MqttJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DOCUMENT = 16 * 1024;

    private final MqttPublisher publisher;
    private final UpdateService updates;
    private final MqttChunkFetcher chunks;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), r -> {
                Thread t = new Thread(r, "mqtt-jobs");
                t.setDaemon(true);
                return t;
            });

    private MqttJobs(MqttPublisher publisher, UpdateService updates) {
        this.publisher = publisher;
        this.updates = updates;
        this.chunks = new MqttChunkFetcher(publisher);
    }

    /** Job topics of {@code publisher}'s device for {@code updates}; nothing is taken before {@link #start}. */
    public static MqttJobs create(MqttPublisher publisher, UpdateService updates) {
        return new MqttJobs(publisher, updates);
    }

    /** Starts taking jobs and publishing their progress (register {@link #chunks()} with the engine first). */
    public MqttJobs start() {
        updates.addListener(this::publish);
        publisher.subscribe(publisher.topics().jobs(), this::arrived);
        return this;
    }

    /** The fetcher of {@code mqtt-chunks:} artifacts, to register with the update engine. */
    public MqttChunkFetcher chunks() {
        return chunks;
    }

    private void arrived(String topic, byte[] payload) {
        String path = publisher.topics().jobPath(topic);
        if (path == null) {
            return;
        }
        String[] levels = path.split("/");
        String id = levels[0];
        if (levels.length >= 3 && levels[1].equals("chunks") && !levels[2].equals("want")) {
            chunks.arrived(id, levels[2], payload);
            return;
        }
        if (levels.length == 1 && payload.length > 0) {
            execute(() -> submit(id, payload));
        } else if (levels.length == 2 && levels[1].equals("cancel")) {
            execute(() -> updates.cancel(id).ifPresent(this::publish));
        }
    }

    private void execute(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("MQTT jobs: more than 64 job messages waiting; one was dropped");
        }
    }

    private void submit(String id, byte[] payload) {
        UpdateJob job;
        try {
            job = parse(id, payload);
        } catch (IllegalArgumentException e) {
            LOG.warn("MQTT jobs: job {} refused: {}", id, e.getMessage());
            publishRejected(id, e.getMessage());
            return;
        }
        JobStatus status = updates.submit(job);
        publish(status);
    }

    /** The job in a document, or why it is not one. */
    static UpdateJob parse(String id, byte[] payload) {
        if (payload.length > MAX_DOCUMENT) {
            throw new IllegalArgumentException("the job document has " + payload.length + " bytes; at most "
                    + MAX_DOCUMENT);
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the job document is not JSON");
        }
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("the job document must be a JSON object");
        }
        if (doc.has("job_id") && !id.equals(doc.path("job_id").asText())) {
            throw new IllegalArgumentException("job_id '" + doc.path("job_id").asText() + "' differs from the topic's '"
                    + id + "'");
        }
        String operation = doc.path("operation").asText("update_model");
        if (!operation.equals("update_model")) {
            throw new IllegalArgumentException("operation '" + operation + "' is not one this device takes"
                    + " (update_model)");
        }
        JsonNode a = doc.path("artifact");
        if (!a.path("url").isTextual() || !a.path("sha256").isTextual() || !a.path("size").canConvertToLong()) {
            throw new IllegalArgumentException("artifact needs url (text), sha256 (text) and size (a number)");
        }
        URI url;
        try {
            url = new URI(a.path("url").asText());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("artifact url is not a URI");
        }
        JsonNode probation = doc.path("probation_s");
        if (!probation.isMissingNode() && !probation.canConvertToLong()) {
            throw new IllegalArgumentException("probation_s must be a whole number of seconds");
        }
        return new UpdateJob(id, "mqtt", new Artifact(url, a.path("sha256").asText(), a.path("size").asLong(), null),
                doc.path("allow_downgrade").asBoolean(false),
                probation.isMissingNode() ? null : Duration.ofSeconds(probation.asLong()));
    }

    private void publish(JobStatus s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("job_id", s.jobId());
        node.put("source", s.source());
        node.put("state", s.state().wireName());
        if (s.step() != null) {
            node.put("step", s.step().wireName());
        }
        ObjectNode progress = node.putObject("progress");
        progress.put("done", s.done());
        progress.put("total", s.total());
        node.put("message", s.message());
        if (s.errorCode() != null) {
            ObjectNode error = node.putObject("error");
            error.put("code", s.errorCode());
            error.put("message", s.message());
        }
        if (s.model() != null) {
            node.set("model", JSON.valueToTree(s.model()));
        }
        node.put("resumed", s.resumed());
        node.put("ts", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        try {
            publisher.publishRetained(publisher.topics().job(s.jobId() + "/status"),
                    JSON.writeValueAsBytes(Payloads.redacted(node)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("MQTT jobs: the status of job {} could not be published: {}", s.jobId(), e.getMessage());
        }
    }

    private void publishRejected(String id, String why) {
        publish(new JobStatus(id, "mqtt", dev.edgevision.device.update.JobState.REJECTED, null, 0, 0, "bad_job", why,
                null, false));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        chunks.close();
    }
}
