package dev.edgevision.trainer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Sends one update job to every device of a plan over MQTT and follows it to its end: subscribes
 * to the job's status on every device (and to the devices' own status), refuses a job id a device
 * has already seen (a retained status of it that arrives before a message of the deploy's own has
 * passed through the broker), publishes the job document retained on each device's job topic, and waits
 * until every device has ended the job or the timeout passes. At the end the retained job
 * documents are cleared (a device that comes later must not start a job whose server is gone);
 * devices that timed out before their download finished get a cancel, those past it are left to
 * finish. A lost broker is reconnected: subscriptions are made again and the jobs re-sent (a device
 * ignores a job id it has).
 */
public final class Rollout {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TICK_MILLIS = 200;
    /** Messages published before waiting for the broker's acknowledgements (Paho allows 1024 in flight). */
    private static final int BATCH = 500;
    /** How long to wait for the broker to pass back the message that follows the retained ones. */
    private static final long SYNC_MILLIS = 5000;

    private final RolloutPlan plan;
    private final DeployTopics topics;
    private final RolloutDisplay display;
    private final Set<String> devices;
    private final Map<String, DeviceProgress> progress = new ConcurrentHashMap<>();
    private final Map<String, String> seenBefore = new ConcurrentHashMap<>();
    private final AtomicBoolean published = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CountDownLatch synced = new CountDownLatch(1);
    private final Object changed = new Object();
    private final String syncTopic;
    private volatile BrokerSession broker;
    private volatile ChunkSender chunks;
    private long startNanos;

    public Rollout(RolloutPlan plan, DeployTopics topics, RolloutDisplay display) {
        this.plan = plan;
        this.topics = topics;
        this.display = display;
        this.devices = Set.copyOf(plan.devices());
        plan.devices().forEach(d -> progress.put(d, DeviceProgress.waiting(d)));
        this.syncTopic = topics.prefix() + "/_deploy-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
                + "/sync";
    }

    /**
     * Runs the rollout through {@code options}' broker.
     *
     * @throws IOException when the broker cannot be reached or refuses us (the message says which and why)
     * @throws IllegalStateException when a device already knows the job id
     */
    public RolloutResult run(BrokerOptions options) throws IOException, InterruptedException {
        Runnable onReconnect = () -> {
            Thread again = new Thread(this::reconnected, "deploy-reconnected");
            again.setDaemon(true);
            again.start();
        };
        try (BrokerSession session = BrokerSession.connect(options, this::arrived, onReconnect)) {
            broker = session;
            if (plan.chunks()) {
                chunks = new ChunkSender(session, topics, plan.jobId(), plan.bundle());
            }
            subscribe();
            session.publishAndWait(syncTopic, new byte[] {1}, false);
            if (!synced.await(SYNC_MILLIS, TimeUnit.MILLISECONDS)) {
                System.err.println("deploy: note: the broker did not pass back a message on " + syncTopic + " within "
                        + SYNC_MILLIS / 1000 + " s (its access rules?); a job id a device already knows may go"
                        + " unnoticed");
            }
            refuseKnownJob();
            startNanos = System.nanoTime();
            display.started(plan, List.copyOf(ordered()));
            published.set(true);
            publishJobs();
            await();
            return finish();
        } finally {
            if (chunks != null) {
                chunks.close();
            }
        }
    }

    /** Stops following (Ctrl-C): clears the jobs and cancels those that have not got their bundle; idempotent. */
    public void abort() {
        if (published.get() && finished.compareAndSet(false, true)) {
            double now = seconds();
            progress.replaceAll((d, p) -> p.ended() ? p : p.timedOut(now));
            cleanUp();
        }
    }

    private void subscribe() throws IOException {
        List<String> filters = new ArrayList<>(List.of(topics.jobStatusFilter(plan.jobId()),
                topics.deviceStatusFilter(), syncTopic));
        if (plan.chunks()) {
            filters.add(topics.chunkWantFilter(plan.jobId()));
        }
        broker.subscribe(filters.toArray(String[]::new));
    }

    private void reconnected() {
        try {
            subscribe();
            if (published.get() && !finished.get()) {
                publishJobs();
            }
        } catch (IOException e) {
            System.err.println("deploy: after reconnecting: " + e.getMessage());
        }
    }

    private void refuseKnownJob() {
        if (!seenBefore.isEmpty()) {
            Map<String, String> sorted = new java.util.TreeMap<>(seenBefore);
            throw new IllegalStateException("job id " + plan.jobId() + " is already known to "
                    + (sorted.size() == 1 ? "device " : "devices ") + sorted.entrySet().stream()
                            .map(e -> e.getKey() + " (" + e.getValue() + ")").reduce((a, b) -> a + ", " + b).orElse("")
                    + ", which would ignore it: choose another --job-id, or leave it out for a new one");
        }
    }

    private void publishJobs() throws IOException {
        byte[] doc = JobDocument.of(plan);
        List<IMqttDeliveryToken> tokens = new ArrayList<>();
        for (String device : plan.devices()) {
            if (!progress.get(device).ended()) {
                tokens.add(broker.publish(topics.job(device, plan.jobId()), doc, true));
            }
            if (tokens.size() >= BATCH) {
                waitFor(tokens);
                tokens.clear();
            }
        }
        waitFor(tokens);
    }

    private void arrived(String topic, byte[] payload) {
        if (topic.equals(syncTopic)) {
            synced.countDown();
            return;
        }
        String device = topics.deviceOf(topic);
        String rest = topics.rest(topic);
        if (device == null || rest == null || !devices.contains(device)) {
            return;
        }
        if (rest.equals("jobs/" + plan.jobId() + "/chunks/want")) {
            if (chunks != null && published.get()) {
                chunks.wanted(device, payload);
            }
            return;
        }
        JsonNode doc = parse(payload);
        if (doc == null) {
            return;
        }
        if (rest.equals("status")) {
            String state = doc.path("state").asText("?");
            String reason = doc.path("reason").asText("");
            update(device, p -> p.withDeviceState(reason.isEmpty() ? state : state + ": " + reason));
        } else if (rest.equals("jobs/" + plan.jobId() + "/status")) {
            if (!published.get()) {
                seenBefore.put(device, doc.path("state").asText("?"));
                return;
            }
            update(device, p -> p.ended() ? p : p.withJobStatus(doc, seconds()));
        }
    }

    private void update(String device, java.util.function.UnaryOperator<DeviceProgress> change) {
        DeviceProgress before = progress.get(device);
        DeviceProgress after = progress.computeIfPresent(device, (d, p) -> change.apply(p));
        if (published.get() && after != null && !after.equals(before)) {
            display.changed(before, after);
        }
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private void await() throws InterruptedException {
        long deadline = startNanos + plan.timeout().toNanos();
        while (!finished.get()) {
            if (progress.values().stream().allMatch(DeviceProgress::ended)) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                double now = seconds();
                for (String device : plan.devices()) {
                    update(device, p -> p.ended() ? p : p.timedOut(now));
                }
                return;
            }
            display.tick(ordered(), seconds());
            synchronized (changed) {
                changed.wait(Math.min(TICK_MILLIS, Math.max(1, left / 1_000_000)));
            }
        }
    }

    private RolloutResult finish() {
        List<DeviceProgress> all = ordered();
        RolloutResult result = new RolloutResult(plan.jobId(), all, seconds());
        if (finished.compareAndSet(false, true)) {
            cleanUp();
        } else {
            synchronized (this) {
                // abort() is clearing the jobs: let it finish before the connection closes
            }
        }
        display.finished(result);
        return result;
    }

    private synchronized void cleanUp() {
        List<IMqttDeliveryToken> tokens = new ArrayList<>();
        try {
            for (String device : plan.devices()) {
                tokens.add(broker.publish(topics.job(device, plan.jobId()), new byte[0], true));
                DeviceProgress p = progress.get(device);
                if (p.state() != null && p.state().equals("timed_out") && beforeDownloadEnd(p)) {
                    tokens.add(broker.publish(topics.cancel(device, plan.jobId()),
                            "{}".getBytes(StandardCharsets.UTF_8), false));
                }
                if (tokens.size() >= BATCH) {
                    waitFor(tokens);
                    tokens.clear();
                }
            }
        } catch (IOException e) {
            System.err.println("deploy: clearing the jobs: " + e.getMessage() + "; clear the retained "
                    + topics.job("DEVICE", plan.jobId()) + " by hand");
        }
        waitFor(tokens);
    }

    private static boolean beforeDownloadEnd(DeviceProgress p) {
        return p.step() == null || p.step().equals("downloading");
    }

    private static void waitFor(List<IMqttDeliveryToken> tokens) {
        for (IMqttDeliveryToken token : tokens) {
            try {
                token.waitForCompletion(BrokerSession.WAIT_MILLIS);
            } catch (MqttException e) {
                System.err.println("deploy: a message was not acknowledged by the broker: " + e.getMessage());
                return;
            }
        }
    }

    private List<DeviceProgress> ordered() {
        double now = seconds();
        Map<String, DeviceProgress> in = new LinkedHashMap<>();
        plan.devices().forEach(d -> in.put(d, progress.get(d).at(now)));
        return List.copyOf(in.values());
    }

    private double seconds() {
        return startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
    }

    private static JsonNode parse(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        try {
            JsonNode doc = JSON.readTree(payload);
            return doc != null && doc.isObject() ? doc : null;
        } catch (IOException e) {
            return null;
        }
    }
}
