package dev.edgevision.device.update.hawkbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hawkBit server as far as a device sees it, on loopback, written from the DDI API documentation:
 * the controller base poll ({@code config.polling.sleep}, {@code _links}), {@code deploymentBase},
 * feedback, {@code cancelAction}, {@code configData} and artifact downloads with Range, all behind
 * {@code Authorization: TargetToken} (401 otherwise). Feedback on an action that is closed is
 * answered 410 Gone. Downloads can be made to ignore Range (200 and the whole body), refuse it
 * (416), stop half-way, or trickle. Rollouts ({@link FakeRollout}) assign groups of targets in
 * turn, as hawkBit's do.
 */
public final class FakeDdiServer implements AutoCloseable {
    public enum Fault { NONE, IGNORE_RANGE, REFUSE_RANGE, CUT_SHORT }

    public enum ActionStatus { RUNNING, CANCELING, CANCELED, FINISHED, ERROR;
        public boolean active() {
            return this == RUNNING || this == CANCELING;
        }
    }

    /** One feedback message as the server received it. */
    public record Message(String execution, String finished, List<String> details, String body) {
    }

    /** A distribution set with one software module holding one artifact. */
    public static final class DistributionSet {
        final String name;
        final String version;
        final long moduleId;
        final String filename;
        final byte[] body;
        volatile String sha256;

        DistributionSet(String name, String version, long moduleId, String filename, byte[] body) {
            this.name = name;
            this.version = version;
            this.moduleId = moduleId;
            this.filename = filename;
            this.body = body.clone();
            this.sha256 = sha256(body);
        }
    }

    public static final class Target {
        final String controllerId;
        final String token;
        public final Map<String, String> attributes = new ConcurrentHashMap<>();
        final List<String> configBodies = new CopyOnWriteArrayList<>();
        volatile boolean configRequested = true;
        volatile Action open;
        volatile DistributionSet installed;

        Target(String controllerId, String token) {
            this.controllerId = controllerId;
            this.token = token;
        }
    }

    public static final class Action {
        final long id;
        final Target target;
        final DistributionSet set;
        final FakeRollout rollout;
        public final List<Message> feedback = new CopyOnWriteArrayList<>();
        final List<Message> cancelFeedback = new CopyOnWriteArrayList<>();
        public volatile ActionStatus status = ActionStatus.RUNNING;

        Action(long id, Target target, DistributionSet set, FakeRollout rollout) {
            this.id = id;
            this.target = target;
            this.set = set;
            this.rollout = rollout;
        }

        Message last() {
            return feedback.isEmpty() ? null : feedback.get(feedback.size() - 1);
        }
    }

    /** One artifact request: who, with which Range header, answered how. */
    record Download(String controllerId, String range, int status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final String tenant;
    private final String sleep;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Map<Long, Action> actions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final List<Download> downloads = new CopyOnWriteArrayList<>();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final java.util.Queue<Fault> faults = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long bytesPerSecond;
    private volatile URI redirect;
    private volatile String gatewayToken;

    /** @param sleep the poll interval the server names, {@code HH:MM:SS} */
    public FakeDdiServer(String tenant, String sleep) throws IOException {
        this.tenant = tenant;
        this.sleep = sleep;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String tenant() {
        return tenant;
    }

    public Target target(String controllerId, String token) {
        Target t = new Target(controllerId, token);
        targets.put(controllerId, t);
        return t;
    }

    public Target target(String controllerId) {
        return targets.get(controllerId);
    }

    public DistributionSet distributionSet(String name, String version, String filename, byte[] body) {
        return new DistributionSet(name, version, ids.getAndIncrement(), filename, body);
    }

    /** Assigns {@code set} to the target: a new running action (the one before it is canceled, as hawkBit does). */
    public synchronized Action assign(String controllerId, DistributionSet set) {
        return assign(targets.get(controllerId), set, null);
    }

    synchronized Action assign(Target target, DistributionSet set, FakeRollout rollout) {
        Action before = target.open;
        if (before != null && before.status.active()) {
            before.status = ActionStatus.CANCELED;
        }
        Action a = new Action(ids.getAndIncrement(), target, set, rollout);
        actions.put(a.id, a);
        target.open = a;
        return a;
    }

    /** The operator cancels the action: the device sees {@code cancelAction} at its next poll. */
    void cancel(Action a) {
        if (a.status == ActionStatus.RUNNING) {
            a.status = ActionStatus.CANCELING;
        }
    }

    /** The operator force-quits the action: it is closed on the server without asking the device. */
    void forceQuit(Action a) {
        a.status = ActionStatus.CANCELED;
    }

    /** The next artifact requests meet these faults, one each, in order. */
    void faults(Fault... kinds) {
        faults.addAll(List.of(kinds));
    }

    /** Accepts {@code Authorization: GatewayToken <token>} for every target (null: refused). */
    void gatewayToken(String token) {
        gatewayToken = token;
    }

    /** Artifact requests are answered 302 to {@code to}/{filename} (a CDN elsewhere); null: served here. */
    void redirectArtifacts(URI to) {
        redirect = to;
    }

    /** Artifact bodies at no more than {@code rate} bytes per second (0: at once). */
    void throttle(long rate) {
        bytesPerSecond = rate;
    }

    List<Download> downloads() {
        return List.copyOf(downloads);
    }

    int unauthorized() {
        return unauthorized.get();
    }

    int polls() {
        return polls.get();
    }

    Action action(long id) {
        return actions.get(id);
    }

    String base(Target t) {
        return url() + "/" + tenant + "/controller/v1/" + t.controllerId;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String[] p = ex.getRequestURI().getPath().split("/");
            // "", tenant, controller, v1, controllerId, rest...
            if (p.length < 5 || !p[1].equals(tenant) || !p[2].equals("controller") || !p[3].equals("v1")) {
                answer(ex, 404, null);
                return;
            }
            Target t = targets.get(p[4]);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean gateway = gatewayToken != null && ("GatewayToken " + gatewayToken).equals(auth);
            if (t == null || auth == null || !auth.equals("TargetToken " + t.token) && !gateway) {
                unauthorized.incrementAndGet();
                answer(ex, 401, null);
                return;
            }
            String method = ex.getRequestMethod();
            List<String> rest = List.of(p).subList(5, p.length);
            if (rest.isEmpty() && method.equals("GET")) {
                poll(ex, t);
            } else if (rest.size() == 2 && rest.get(0).equals("deploymentBase") && method.equals("GET")) {
                deployment(ex, t, rest.get(1));
            } else if (rest.size() == 3 && rest.get(0).equals("deploymentBase") && rest.get(2).equals("feedback")
                    && method.equals("POST")) {
                feedback(ex, t, rest.get(1));
            } else if (rest.size() == 2 && rest.get(0).equals("cancelAction") && method.equals("GET")) {
                cancelAction(ex, t, rest.get(1));
            } else if (rest.size() == 3 && rest.get(0).equals("cancelAction") && rest.get(2).equals("feedback")
                    && method.equals("POST")) {
                cancelFeedback(ex, t, rest.get(1));
            } else if (rest.size() == 1 && rest.get(0).equals("configData") && method.equals("PUT")) {
                configData(ex, t);
            } else if (rest.size() == 4 && rest.get(0).equals("softwaremodules") && rest.get(2).equals("artifacts")
                    && method.equals("GET")) {
                artifact(ex, t, Long.parseLong(rest.get(1)), rest.get(3));
            } else {
                answer(ex, 404, null);
            }
        } catch (RuntimeException e) {
            answer(ex, 500, null);
        } finally {
            ex.close();
        }
    }

    private void poll(HttpExchange ex, Target t) throws IOException {
        polls.incrementAndGet();
        ObjectNode root = JSON.createObjectNode();
        root.putObject("config").putObject("polling").put("sleep", sleep);
        ObjectNode links = root.putObject("_links");
        Action a = t.open;
        if (a != null && a.status == ActionStatus.CANCELING) {
            links.putObject("cancelAction").put("href", base(t) + "/cancelAction/" + a.id);
        } else if (a != null && a.status == ActionStatus.RUNNING) {
            links.putObject("deploymentBase").put("href", base(t) + "/deploymentBase/" + a.id + "?c=" + (a.id * 31));
        }
        if (t.configRequested) {
            links.putObject("configData").put("href", base(t) + "/configData");
        }
        answer(ex, 200, root);
    }

    private void deployment(HttpExchange ex, Target t, String id) throws IOException {
        Action a = actionOf(t, id);
        if (a == null || a.status == ActionStatus.CANCELING || a.status == ActionStatus.CANCELED) {
            answer(ex, 404, null);
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", String.valueOf(a.id));
        ObjectNode d = root.putObject("deployment");
        d.put("download", "forced");
        d.put("update", "forced");
        ObjectNode chunk = d.putArray("chunks").addObject();
        chunk.put("part", "edgevision-model");
        chunk.put("version", a.set.version);
        chunk.put("name", a.set.name);
        ObjectNode artifact = chunk.putArray("artifacts").addObject();
        artifact.put("filename", a.set.filename);
        artifact.putObject("hashes").put("sha256", a.set.sha256).put("sha1", "0".repeat(40)).put("md5", "0".repeat(32));
        artifact.put("size", a.set.body.length);
        String href = base(t) + "/softwaremodules/" + a.set.moduleId + "/artifacts/" + a.set.filename;
        ObjectNode links = artifact.putObject("_links");
        links.putObject("download").put("href", href);
        links.putObject("download-http").put("href", href);
        answer(ex, 200, root);
    }

    private void feedback(HttpExchange ex, Target t, String id) throws IOException {
        Action a = actionOf(t, id);
        Message m = message(ex);
        if (a == null) {
            answer(ex, 404, null);
            return;
        }
        if (!a.status.active()) {
            answer(ex, 410, null);
            return;
        }
        a.feedback.add(m);
        if (m.execution().equals("closed")) {
            boolean ok = !m.finished().equals("failure");
            a.status = ok ? ActionStatus.FINISHED : ActionStatus.ERROR;
            if (ok) {
                t.installed = a.set;
                t.configRequested = true;
            }
            if (a.rollout != null) {
                a.rollout.evaluate();
            }
        }
        answer(ex, 200, null);
    }

    private void cancelAction(HttpExchange ex, Target t, String id) throws IOException {
        Action a = actionOf(t, id);
        if (a == null || a.status != ActionStatus.CANCELING) {
            answer(ex, 404, null);
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", String.valueOf(a.id));
        root.putObject("cancelAction").put("stopId", String.valueOf(a.id));
        answer(ex, 200, root);
    }

    private void cancelFeedback(HttpExchange ex, Target t, String id) throws IOException {
        Action a = actionOf(t, id);
        Message m = message(ex);
        if (a == null || !a.status.active()) {
            answer(ex, a == null ? 404 : 410, null);
            return;
        }
        a.cancelFeedback.add(m);
        if (m.execution().equals("canceled") || m.execution().equals("closed") && !m.finished().equals("failure")) {
            a.status = ActionStatus.CANCELED;
        }
        answer(ex, 200, null);
    }

    private void configData(HttpExchange ex, Target t) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.path("data").isObject()) {
            answer(ex, 400, null);
            return;
        }
        t.configBodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        if (root.path("mode").asText("merge").equals("replace")) {
            t.attributes.clear();
        }
        root.path("data").fields().forEachRemaining(e -> t.attributes.put(e.getKey(), e.getValue().asText()));
        t.configRequested = false;
        answer(ex, 200, null);
    }

    private void artifact(HttpExchange ex, Target t, long moduleId, String filename) throws IOException {
        Action a = t.open;
        DistributionSet set = a == null ? null : a.set;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (set == null || set.moduleId != moduleId || !set.filename.equals(filename)) {
            downloads.add(new Download(t.controllerId, range, 404));
            answer(ex, 404, null);
            return;
        }
        URI elsewhere = redirect;
        if (elsewhere != null) {
            downloads.add(new Download(t.controllerId, range, 302));
            ex.getResponseHeaders().add("Location", elsewhere + "/" + filename);
            answer(ex, 302, null);
            return;
        }
        Fault polled = faults.poll();
        Fault now = polled == null ? Fault.NONE : polled;
        byte[] body = set.body;
        long from = 0;
        if (range != null && now == Fault.REFUSE_RANGE) {
            downloads.add(new Download(t.controllerId, range, 416));
            ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
            answer(ex, 416, null);
            return;
        }
        if (range != null && now != Fault.IGNORE_RANGE && range.matches("bytes=\\d+-")) {
            from = Long.parseLong(range.substring(6, range.length() - 1));
            if (from >= body.length) {
                downloads.add(new Download(t.controllerId, range, 416));
                ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                answer(ex, 416, null);
                return;
            }
        }
        int status = from > 0 ? 206 : 200;
        downloads.add(new Download(t.controllerId, range, status));
        int length = (int) (body.length - from);
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        if (status == 206) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        ex.sendResponseHeaders(status, length);
        OutputStream out = ex.getResponseBody();
        int send = now == Fault.CUT_SHORT ? length / 2 : length;
        long rate = bytesPerSecond;
        int step = rate <= 0 ? send : (int) Math.max(256, rate / 20);
        for (int off = 0; off < send; off += step) {
            out.write(body, (int) from + off, Math.min(step, send - off));
            out.flush();
            if (rate > 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (now == Fault.CUT_SHORT) {
            throw new IOException("cut short on purpose");
        }
        out.close();
    }

    private Action actionOf(Target t, String id) {
        try {
            Action a = actions.get(Long.parseLong(id));
            return a != null && a.target == t ? a : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Message message(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        JsonNode root = JSON.readTree(body);
        JsonNode status = root == null ? JSON.missingNode() : root.path("status");
        List<String> details = new ArrayList<>();
        status.path("details").forEach(d -> details.add(d.asText()));
        return new Message(status.path("execution").asText(""), status.path("result").path("finished").asText(""),
                details, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/hal+json;charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
