package dev.edgevision.device.update.hawkbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The device's side of hawkBit's DDI resources, one request per call: the controller base poll,
 * {@code deploymentBase}, {@code cancelAction}, their feedback, and {@code configData}. Every
 * request carries {@code Authorization: TargetToken ...} (or {@code GatewayToken ...}); links the
 * server sends are followed only when they point at the configured server, so the token never
 * leaves for another host.
 */
final class DdiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * What a poll of the controller base answered.
     *
     * @param sleep {@code config.polling.sleep}, or null when the server named none
     * @param deploymentBase {@code _links.deploymentBase.href}, or null
     * @param cancelAction {@code _links.cancelAction.href}, or null
     * @param configData {@code _links.configData.href}, or null: the server asks for the device's attributes
     */
    record Poll(Duration sleep, URI deploymentBase, URI cancelAction, URI configData) {
    }

    /** A {@code cancelAction} resource: the cancel action's id and the id of the action to stop. */
    record Cancel(String id, String stopId) {
    }

    private final HawkbitSettings settings;
    private final HttpClient http;
    private final URI base;

    DdiClient(HawkbitSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.base = settings.controllerBase();
    }

    /** The controller base resource. */
    Poll poll() throws DdiException {
        JsonNode root = get(base, "the poll");
        JsonNode links = root.path("_links");
        return new Poll(sleep(root.path("config").path("polling").path("sleep").asText(null)),
                linkHref(links, "deploymentBase"), linkHref(links, "cancelAction"), linkHref(links, "configData"));
    }

    /** The deployment an action asks for. */
    Deployment deployment(URI href) throws DdiException {
        JsonNode root = get(href, "the deployment");
        JsonNode d = root.path("deployment");
        List<Deployment.File> files = new ArrayList<>();
        for (JsonNode chunk : d.path("chunks")) {
            String name = chunk.path("part").asText("?") + " " + chunk.path("name").asText("?") + " "
                    + chunk.path("version").asText("?");
            for (JsonNode a : chunk.path("artifacts")) {
                JsonNode links = a.path("_links");
                files.add(new Deployment.File(name, a.path("filename").asText(null),
                        a.path("hashes").path("sha256").asText(null), a.path("size").asLong(-1),
                        linkHref(links, "download"), linkHref(links, "download-http")));
            }
        }
        String id = root.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new DdiException(200, "the deployment at " + shown(href) + " names no action id");
        }
        return new Deployment(id, d.path("download").asText("forced"), d.path("update").asText("forced"),
                d.path("maintenanceWindow").asText(null), files);
    }

    /** The cancel request. */
    Cancel cancel(URI href) throws DdiException {
        JsonNode root = get(href, "the cancel request");
        String id = root.path("id").asText(null);
        String stopId = root.path("cancelAction").path("stopId").asText(id);
        if (id == null || stopId == null) {
            throw new DdiException(200, "the cancel request at " + shown(href) + " names no action");
        }
        return new Cancel(id, stopId);
    }

    /** Feedback on an action: {@code POST {base}/deploymentBase/{actionId}/feedback}. */
    void deploymentFeedback(String actionId, Feedback feedback) throws DdiException {
        send("POST", URI.create(base + "/deploymentBase/" + actionId + "/feedback"), feedback.json(),
                "feedback on action " + actionId);
    }

    /** Feedback on a cancel request: {@code POST {base}/cancelAction/{id}/feedback}. */
    void cancelFeedback(String cancelId, Feedback feedback) throws DdiException {
        send("POST", URI.create(base + "/cancelAction/" + cancelId + "/feedback"), feedback.json(),
                "feedback on cancel request " + cancelId);
    }

    /** The device's attributes, merged into the target's: {@code PUT {base}/configData}. */
    void configData(URI href, Map<String, String> attributes) throws DdiException {
        ObjectNode body = JSON.createObjectNode();
        body.put("mode", "merge");
        ObjectNode data = body.putObject("data");
        attributes.forEach((k, v) -> data.put(k, v == null ? "" : v.length() > 128 ? v.substring(0, 128) : v));
        send("PUT", sameServer(href, "configData"), body, "the device's attributes");
    }

    private JsonNode get(URI uri, String what) throws DdiException {
        HttpRequest request = request(sameServer(uri, what)).header("Accept", "application/hal+json, application/json")
                .GET().build();
        HttpResponse<InputStream> response = exchange(request, what);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new DdiException(what + " from " + shown(uri) + " was cut short: " + e.getMessage(), e);
        }
        check(response.statusCode(), uri, what);
        if (body.length > MAX_BODY) {
            throw new DdiException(response.statusCode(), what + " from " + shown(uri) + " is larger than "
                    + MAX_BODY + " bytes");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new DdiException(response.statusCode(), what + " from " + shown(uri) + " is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new DdiException(response.statusCode(), what + " from " + shown(uri) + " is not JSON: "
                    + e.getMessage());
        }
    }

    private void send(String method, URI uri, JsonNode json, String what) throws DdiException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("JSON of " + what + " could not be written", e);
        }
        HttpRequest request = request(uri).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<InputStream> response = exchange(request, what);
        try (InputStream in = response.body()) {
            in.readNBytes(MAX_BODY);
        } catch (IOException e) {
            throw new DdiException(what + ": the answer from " + shown(uri) + " was cut short: " + e.getMessage(), e);
        }
        check(response.statusCode(), uri, what);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", settings.authorization());
    }

    private HttpResponse<InputStream> exchange(HttpRequest request, String what) throws DdiException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DdiException(what + ": no answer from " + shown(request.uri()) + " (" + e + "); check"
                    + " update.hawkbit.url and that the device reaches the server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DdiException(what + ": interrupted, the device is stopping", e);
        }
    }

    private void check(int status, URI uri, String what) throws DdiException {
        if (status >= 200 && status < 300) {
            return;
        }
        String why = switch (status) {
            case 401, 403 -> "the server refused the device's credentials: check update.hawkbit.target_token (or"
                    + " token_file) against the target's security token, and that target-token authentication is"
                    + " enabled in the server's system configuration";
            case 404 -> "the server does not know this resource: check update.hawkbit.tenant and controller_id ('"
                    + settings.tenant() + "', '" + settings.controllerId() + "') and that the target exists";
            case 410 -> "the action is closed on the server";
            case 429 -> "the server asks the device to send fewer requests";
            default -> "the server answered an error";
        };
        throw new DdiException(status, what + " at " + shown(uri) + ": " + status + ", " + why);
    }

    /** {@code uri} when it points at the configured server; a link elsewhere is refused. */
    private URI sameServer(URI uri, String what) throws DdiException {
        URI server = settings.server();
        if (!sameOrigin(uri, server)) {
            throw new DdiException(0, what + ": the server's link " + shown(uri) + " points away from "
                    + shown(server) + "; the device sends its token only to the configured server"
                    + " (check the server's external URL setting)");
        }
        return uri;
    }

    /** Whether both URLs have the same scheme, host and port. */
    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static URI linkHref(JsonNode links, String name) {
        String href = links.path(name).path("href").asText(null);
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            return new URI(href);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** {@code HH:MM:SS}, as DDI writes {@code config.polling.sleep}; null when absent or unreadable. */
    static Duration sleep(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().split(":");
        if (parts.length != 3) {
            return null;
        }
        try {
            Duration d = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                    .plusSeconds(Long.parseLong(parts[2]));
            return d.isNegative() ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A URL for messages: no query (which may carry a signature). */
    static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
