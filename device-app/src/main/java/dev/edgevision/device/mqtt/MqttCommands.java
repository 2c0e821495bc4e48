package dev.edgevision.device.mqtt;

import dev.edgevision.core.io.Redaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgevision.device.command.CommandResponse;
import dev.edgevision.device.command.CommandRouter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands over MQTT: subscribes to {@code vision/{device}/cmd/#} on every connection, hands each
 * request to the router on one command thread (never the MQTT client's), and answers on
 * {@code .../cmd/{name}/response}, or on the request's own {@code response_topic} (the MQTT 5
 * idea, carried in the body) when it names a plain topic. Requests beyond a small backlog are
 * answered {@code busy} rather than queued without bound.
 */
public final class MqttCommands implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttCommands.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final int BACKLOG = 32;
    private static final String RESPONSE = "/response";

    private final MqttPublisher publisher;
    private final CommandRouter router;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG), r -> {
                Thread t = new Thread(r, "mqtt-commands");
                t.setDaemon(true);
                return t;
            });

    private MqttCommands(MqttPublisher publisher, CommandRouter router) {
        this.publisher = publisher;
        this.router = router;
    }

    /** Starts answering the commands of {@code publisher}'s device through {@code router}. */
    public static MqttCommands start(MqttPublisher publisher, CommandRouter router) {
        MqttCommands commands = new MqttCommands(publisher, router);
        publisher.subscribe(publisher.topics().commands(), commands::arrived);
        return commands;
    }

    private void arrived(String topic, byte[] payload) {
        String name = publisher.topics().commandName(topic);
        if (name == null || name.endsWith(RESPONSE)) {
            return; // a response (ours or another's) on the same tree, or the bare cmd/ level
        }
        try {
            worker.execute(() -> answer(name, payload));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reply(topic + RESPONSE, new CommandResponse(null, name, false, null,
                    new CommandResponse.Error("busy", BACKLOG + " commands are waiting; send again later")));
        }
    }

    private void answer(String name, byte[] payload) {
        CommandResponse response = router.dispatch(name, payload);
        String topic = responseTopic(payload);
        reply(topic != null ? topic : publisher.topics().command(name) + RESPONSE, response);
        LOG.info("command {} ({}): {}", name, response.requestId(), response.ok() ? "done"
                : response.error().code() + ": " + Redaction.text(response.error().message()));
    }

    /** The request's {@code response_topic}, when it is a plain topic (no wildcards, not a $ topic). */
    static String responseTopic(byte[] payload) {
        if (payload.length > CommandRouter.MAX_PAYLOAD) {
            return null;
        }
        try {
            var node = JSON.readTree(payload);
            var topic = node == null ? null : node.get("response_topic");
            if (topic == null || !topic.isTextual()) {
                return null;
            }
            String t = topic.asText();
            boolean plain = !t.isEmpty() && t.length() <= 256 && !t.startsWith("$") && t.chars().noneMatch(c -> c == '+'
                    || c == '#' || c == 0);
            return plain ? t : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void reply(String topic, CommandResponse response) {
        try {
            ObjectNode node = JSON.valueToTree(response);
            node.put("ts", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            publisher.publishReply(topic, JSON.writeValueAsBytes(Payloads.redacted(node)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("command {}: the response could not be written: {}", response.command(), e.toString());
        }
    }

    /** Stops answering; requests already taken are dropped. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
