package dev.edgevision.device.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the service is configured with. Each component reads its own slice.
 *
 * @param device identity of this device
 * @param model the model and how to run it
 * @param cameras the frame sources, at least one
 * @param mqtt the broker; {@code null} runs without MQTT (records go to the log)
 * @param tensorrt how TensorRT engines are built and run; {@code null} for the defaults
 * @param update how remote model updates are taken; {@code null} for the defaults
 * @param pins status LED, label outputs and trigger button on GPIO lines; {@code null} for none
 * @param homeassistant Home Assistant MQTT discovery; {@code null}: none
 * @param http the embedded HTTP server (health, metrics, preview, draw page); {@code null}: off
 */
public record ApplianceConfig(DeviceSection device, ModelSection model, List<CameraSection> cameras,
        MqttSection mqtt, TensorrtSection tensorrt, UpdateSection update, PinsSection pins,
        HomeAssistantSection homeassistant, HttpSection http) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @JsonCreator
    public ApplianceConfig {
    }

    /** A configuration without the HTTP server. */
    public ApplianceConfig(DeviceSection device, ModelSection model, List<CameraSection> cameras, MqttSection mqtt,
            TensorrtSection tensorrt, UpdateSection update, PinsSection pins, HomeAssistantSection homeassistant) {
        this(device, model, cameras, mqtt, tensorrt, update, pins, homeassistant, null);
    }

    /** A configuration without Home Assistant discovery or the HTTP server. */
    public ApplianceConfig(DeviceSection device, ModelSection model, List<CameraSection> cameras, MqttSection mqtt,
            TensorrtSection tensorrt, UpdateSection update, PinsSection pins) {
        this(device, model, cameras, mqtt, tensorrt, update, pins, null, null);
    }

    /** A configuration without pins, Home Assistant discovery or the HTTP server. */
    public ApplianceConfig(DeviceSection device, ModelSection model, List<CameraSection> cameras, MqttSection mqtt,
            TensorrtSection tensorrt, UpdateSection update) {
        this(device, model, cameras, mqtt, tensorrt, update, null, null, null);
    }

    /** A configuration with the TensorRT and update defaults. */
    public ApplianceConfig(DeviceSection device, ModelSection model, List<CameraSection> cameras, MqttSection mqtt) {
        this(device, model, cameras, mqtt, null, null);
    }

    /** A configuration with the update defaults. */
    public ApplianceConfig(DeviceSection device, ModelSection model, List<CameraSection> cameras, MqttSection mqtt,
            TensorrtSection tensorrt) {
        this(device, model, cameras, mqtt, tensorrt, null);
    }

    /**
     * The {@code http:} slice; off unless {@code enabled} is true. Secrets are read from files,
     * never written in the configuration itself.
     *
     * @param enabled whether the server runs (false by default)
     * @param port TCP port (8080 by default; 0 picks a free one)
     * @param bind address to listen on, {@code 127.0.0.1} by default (0.0.0.0 for every interface)
     * @param tokenFile file holding a bearer token every request but {@code /health} must carry
     * @param user basic-auth user name, with {@code passwordFile}
     * @param passwordFile file holding the basic-auth password
     * @param drawModel classifier bundle the draw page runs (default: the model served)
     * @param previewFps most preview frames encoded per second and camera (10 by default)
     * @param maxViewers most preview streams open at once (8 by default)
     */
    public record HttpSection(Boolean enabled, Integer port, String bind, String tokenFile, String user,
            String passwordFile, String drawModel, Double previewFps, Integer maxViewers) {
        /** Whether the server is wanted. */
        @JsonIgnore
        public boolean on() {
            return Boolean.TRUE.equals(enabled);
        }
    }

    /**
     * The {@code update:} slice; every key is optional.
     *
     * @param enabled whether the device takes update jobs (true by default when there is a broker)
     * @param stateDir where the model store and job journal live (default: $STATE_DIRECTORY/updates or
     *     ~/.local/state/edgevision/updates)
     * @param probationS seconds a new model is watched before its job succeeds (60)
     * @param latencyBudgetMs most a new model's single-sample inference may take, median (250)
     * @param trustStore file of the public keys bundles must be signed with (one {@code KEYID trusted|revoked
     *     BASE64} a line); when set, update bundles and the bundle the service starts with must be signed by
     *     a trusted key; unset, signatures are not checked
     * @param allowUnsigned with a trust store, whether unsigned bundles are still taken (false; each is
     *     logged and named in its job's message as a warning)
     * @param hawkbit the hawkBit server the device polls for deployments; {@code null}: none
     */
    public record UpdateSection(Boolean enabled, String stateDir, Integer probationS, Integer latencyBudgetMs,
            String trustStore, Boolean allowUnsigned, HawkbitSection hawkbit) {
        @JsonCreator
        public UpdateSection {
        }

        /** A section without signature checks. */
        public UpdateSection(Boolean enabled, String stateDir, Integer probationS, Integer latencyBudgetMs) {
            this(enabled, stateDir, probationS, latencyBudgetMs, null, null, null);
        }

        /** A section without a hawkBit server. */
        public UpdateSection(Boolean enabled, String stateDir, Integer probationS, Integer latencyBudgetMs,
                String trustStore, Boolean allowUnsigned) {
            this(enabled, stateDir, probationS, latencyBudgetMs, trustStore, allowUnsigned, null);
        }
    }

    /**
     * The {@code update.hawkbit:} slice (README, "Fleets through hawkBit").
     *
     * @param url the server's base URL, e.g. https://hawkbit.example.com (without the tenant)
     * @param tenant the tenant, DEFAULT by default
     * @param controllerId the target's controller id on the server, the device id by default
     * @param targetToken the target's security token; never printed (prefer token_file)
     * @param tokenFile a file holding the target's security token (relative to the configuration's folder)
     * @param gatewayToken the tenant's gateway token, when the device has no target token; never printed
     * @param pollS seconds between polls until the server names its interval (60)
     */
    public record HawkbitSection(String url, String tenant, String controllerId,
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String targetToken, String tokenFile,
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String gatewayToken, Integer pollS) {
        @Override
        public String toString() {
            return "HawkbitSection[url=" + url + ", tenant=" + tenant + ", controllerId=" + controllerId
                    + ", targetToken=" + (targetToken == null ? "none" : "****") + ", tokenFile=" + tokenFile
                    + ", gatewayToken=" + (gatewayToken == null ? "none" : "****") + ", pollS=" + pollS + "]";
        }
    }

    /**
     * The {@code homeassistant:} slice: MQTT discovery of the device and its entities.
     *
     * @param enabled whether discovery is published (true when the slice is there; needs {@code mqtt})
     * @param discoveryPrefix Home Assistant's discovery prefix, {@code homeassistant} by default
     * @param labels per camera name, the labels that get a count sensor and a snapshot image (default:
     *     every label of the model served)
     */
    public record HomeAssistantSection(Boolean enabled, String discoveryPrefix, java.util.Map<String, List<String>> labels) {
        /** Whether discovery is on: the slice is there and not disabled. */
        public static boolean on(HomeAssistantSection section) {
            return section != null && !Boolean.FALSE.equals(section.enabled());
        }
    }

    /** @param id device id in topics and records */
    public record DeviceSection(String id) {
    }

    /**
     * @param bundle path of the model bundle
     * @param backend auto, tensorrt or onnxruntime
     * @param threshold lowest score published
     * @param threads CPU threads for ONNX Runtime, 0 for its default (one per physical core, by its documentation)
     * @param workers frames each camera keeps in flight, each on its own thread and detector; absent for
     *     {@link #DEFAULT_WORKERS}
     */
    public record ModelSection(String bundle, String backend, Double threshold, Integer threads, Integer workers) {
        /** Workers per camera when {@code model.workers} is absent. */
        public static final int DEFAULT_WORKERS = 1;

        /** Most workers per camera. */
        public static final int MAX_WORKERS = 8;

        /** A model slice with the default workers. */
        public ModelSection(String bundle, String backend, Double threshold, Integer threads) {
            this(bundle, backend, threshold, threads, null);
        }

        /** {@code workers}, or the default when absent. */
        public int workersOrDefault() {
            return workers == null ? DEFAULT_WORKERS : workers;
        }
    }

    /**
     * @param name camera name in topics and records
     * @param uri frame source URI (synthetic://, file://, v4l2://, csi://, gst://, rtsp://)
     */
    public record CameraSection(String name, String uri) {
    }

    /**
     * The {@code tensorrt:} slice; every key is optional.
     *
     * @param precision auto (FP16 where the GPU has fast FP16, else FP32), fp32, fp16 or int8
     * @param workspaceMb the builder's workspace limit in MiB (256 by default, which fits a 4 GB Nano)
     * @param dlaCore the DLA core to build for (Xavier, Orin), -1 or absent for none
     * @param cacheDir where engines are kept (default: $STATE_DIRECTORY/engines or ~/.cache/edgevision/engines)
     * @param buildTimeout how long a build may take, e.g. 30m (the default), 90s, 1h
     * @param trtexec the trtexec tried when the in-process builder fails (/usr/src/tensorrt/bin/trtexec)
     * @param hostMemory auto (mapped on Jetson), mapped or pinned
     */
    public record TensorrtSection(String precision, Integer workspaceMb, Integer dlaCore, String cacheDir,
            String buildTimeout, String trtexec, String hostMemory) {
    }

    /**
     * @param broker tcp:// or ssl:// URI of the broker
     * @param username user name, or none
     * @param password password, or none; never printed
     * @param prefix topic prefix, {@code vision} by default
     * @param detectionsQos QoS of the detections topic, 0 by default
     * @param spoolDir where QoS 1 messages wait while the broker is away
     * @param statsSeconds seconds between stats messages (and camera health checks), 10 by default
     * @param tls the {@code ssl://} broker's CA and this device's client certificate and key (mTLS), or none
     * @param allowPlaintext true lets {@code tcp://} reach a broker that is not on this machine
     *     (plain TCP is otherwise allowed to loopback addresses only)
     */
    public record MqttSection(String broker, String username, String password, String prefix, Integer detectionsQos,
            String spoolDir, Integer statsSeconds, TlsSection tls, Boolean allowPlaintext) {
        @JsonCreator
        public MqttSection {
        }

        /** A section without TLS settings, plain TCP to loopback only. */
        public MqttSection(String broker, String username, String password, String prefix, Integer detectionsQos,
                String spoolDir, Integer statsSeconds) {
            this(broker, username, password, prefix, detectionsQos, spoolDir, statsSeconds, null, null);
        }

        /** This section with another broker, user name and password; the rest kept. */
        public MqttSection withBroker(String newBroker, String newUsername, String newPassword) {
            return new MqttSection(newBroker, newUsername, newPassword, prefix, detectionsQos, spoolDir, statsSeconds,
                    tls, allowPlaintext);
        }

        @Override
        public String toString() {
            return "MqttSection[broker=" + broker + ", username=" + username + ", password="
                    + (password == null ? "none" : "****") + ", prefix=" + prefix + ", detectionsQos="
                    + detectionsQos + ", spoolDir=" + spoolDir + ", statsSeconds=" + statsSeconds + ", tls=" + tls
                    + ", allowPlaintext=" + allowPlaintext + "]";
        }
    }

    /**
     * The {@code mqtt.tls} slice: PEM files, relative to the configuration file's folder.
     *
     * @param ca the CA certificate(s) that signed the broker's certificate; absent: the JVM's trusted CAs
     * @param cert this device's client certificate (its chain may follow), for brokers that require one
     * @param key the private key of {@code cert}, PKCS#8 PEM (EC or RSA, as {@code provision} writes it), readable by
     *     the service only
     * @param pinSha256 optional pins: the base64 SHA-256 of the broker's public key (its DER
     *     SubjectPublicKeyInfo); when given, the broker's certificate must also carry one of these keys
     */
    public record TlsSection(String ca, String cert, String key, List<String> pinSha256) {
        /** TLS settings without key pinning. */
        public TlsSection(String ca, String cert, String key) {
            this(ca, cert, key, null);
        }
    }

    /** Every problem of this configuration, each naming its key and value; empty when usable. */
    @JsonIgnore
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (device == null || device.id() == null || !NAME.matcher(device.id()).matches()) {
            problems.add("device.id must be 1-64 letters, digits, '_', '.' or '-', got "
                    + (device == null ? "nothing" : "'" + device.id() + "'"));
        }
        if (model == null || model.bundle() == null || model.bundle().isBlank()) {
            problems.add("model.bundle is missing: give the path of a model bundle");
        } else {
            checkModel(problems);
        }
        if (cameras == null || cameras.isEmpty()) {
            problems.add("cameras is missing: list at least one camera with a name and a uri");
        } else {
            checkCameras(problems);
        }
        if (mqtt != null) {
            checkMqtt(problems);
        }
        if (tensorrt != null) {
            TensorrtChecks.check(tensorrt, problems);
        }
        if (update != null) {
            checkUpdate(problems);
        }
        if (pins != null) {
            PinsChecks.check(pins, cameras == null ? List.of() : cameras.stream().filter(c -> c != null)
                    .map(CameraSection::name).toList(), problems);
        }
        if (homeassistant != null) {
            checkHomeAssistant(problems);
        }
        if (http != null) {
            HttpChecks.check(http, problems);
        }
        return problems;
    }

    private void checkModel(List<String> problems) {
        if (model.backend() != null && !List.of("auto", "tensorrt", "onnxruntime").contains(model.backend())) {
            problems.add("model.backend must be auto, tensorrt or onnxruntime, got '" + model.backend() + "'");
        }
        if (model.threshold() != null && !(model.threshold() >= 0 && model.threshold() <= 1)) {
            problems.add("model.threshold must be in [0, 1], got " + model.threshold());
        }
        if (model.threads() != null && model.threads() < 0) {
            problems.add("model.threads must be 0 (ONNX Runtime's default) or more, got " + model.threads());
        }
        if (model.workers() != null && (model.workers() < 1 || model.workers() > ModelSection.MAX_WORKERS)) {
            problems.add("model.workers must be 1 to " + ModelSection.MAX_WORKERS + " (frames in flight per camera), got "
                    + model.workers());
        }
    }

    private void checkCameras(List<String> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cameras.size(); i++) {
            CameraSection c = cameras.get(i);
            if (c == null || c.name() == null || !NAME.matcher(c.name()).matches()) {
                problems.add("cameras[" + i + "].name must be 1-64 letters, digits, '_', '.' or '-', got "
                        + (c == null ? "nothing" : "'" + c.name() + "'"));
            } else if (!names.add(c.name())) {
                problems.add("cameras[" + i + "].name '" + c.name() + "' is used twice");
            }
            if (c == null || c.uri() == null || !c.uri().contains("://")) {
                problems.add("cameras[" + i + "].uri must be a source URI such as synthetic://digits or"
                        + " v4l2:///dev/video0, got " + (c == null ? "nothing" : "'" + c.uri() + "'"));
            }
        }
    }

    private void checkUpdate(List<String> problems) {
        if (update.stateDir() != null && update.stateDir().isBlank()) {
            problems.add("update.state_dir must be a folder, got an empty value");
        }
        if (update.probationS() != null && (update.probationS() < 0 || update.probationS() > 86_400)) {
            problems.add("update.probation_s must be 0..86400 (seconds), got " + update.probationS());
        }
        if (update.latencyBudgetMs() != null && (update.latencyBudgetMs() < 1 || update.latencyBudgetMs() > 60_000)) {
            problems.add("update.latency_budget_ms must be 1..60000, got " + update.latencyBudgetMs());
        }
        if (update.trustStore() != null && update.trustStore().isBlank()) {
            problems.add("update.trust_store must be the path of a trust-store file, got an empty value");
        }
        if (Boolean.TRUE.equals(update.allowUnsigned()) && update.trustStore() == null) {
            problems.add("update.allow_unsigned is true but update.trust_store is not set: without a trust store no"
                    + " signature is checked; set update.trust_store, or remove update.allow_unsigned");
        }
        if (update.hawkbit() != null) {
            checkHawkbit(update.hawkbit(), problems);
        }
    }

    private static void checkHawkbit(HawkbitSection h, List<String> problems) {
        if (h.url() == null || !(h.url().startsWith("http://") || h.url().startsWith("https://"))) {
            problems.add("update.hawkbit.url must be the http:// or https:// URL of the hawkBit server, got '" + h.url()
                    + "'");
        }
        if (h.tenant() != null && !h.tenant().matches("[A-Za-z0-9_.:-]{1,256}")) {
            problems.add("update.hawkbit.tenant must be letters, digits, '_', '.', ':' or '-', got '" + h.tenant() + "'");
        }
        if (h.controllerId() != null && !h.controllerId().matches("[A-Za-z0-9_.:-]{1,256}")) {
            problems.add("update.hawkbit.controller_id must be letters, digits, '_', '.', ':' or '-', got '"
                    + h.controllerId() + "'");
        }
        int tokens = (h.targetToken() == null ? 0 : 1) + (h.tokenFile() == null ? 0 : 1)
                + (h.gatewayToken() == null ? 0 : 1);
        if (tokens != 1) {
            problems.add("update.hawkbit needs exactly one of target_token, token_file (a file holding the target's"
                    + " security token) or gateway_token, got " + tokens);
        }
        if (h.pollS() != null && (h.pollS() < 1 || h.pollS() > 86_400)) {
            problems.add("update.hawkbit.poll_s must be 1..86400 (seconds), got " + h.pollS());
        }
    }

    private void checkHomeAssistant(List<String> problems) {
        String prefix = homeassistant.discoveryPrefix();
        if (prefix != null && (prefix.isBlank() || prefix.matches(".*[+#\\s].*") || prefix.startsWith("/")
                || prefix.endsWith("/"))) {
            problems.add("homeassistant.discovery_prefix must be a topic such as homeassistant (no '+', '#', spaces"
                    + " or leading/trailing '/'), got '" + prefix + "'");
        }
        if (HomeAssistantSection.on(homeassistant) && mqtt == null) {
            problems.add("homeassistant needs an mqtt slice: discovery is published on the broker");
        }
        if (homeassistant.labels() != null) {
            Set<String> known = new HashSet<>();
            if (cameras != null) {
                cameras.stream().filter(c -> c != null).forEach(c -> known.add(c.name()));
            }
            homeassistant.labels().forEach((camera, labels) -> {
                if (!known.contains(camera)) {
                    problems.add("homeassistant.labels." + camera + " names no configured camera; cameras are "
                            + known);
                }
                if (labels == null || labels.stream().anyMatch(l -> l == null || l.isEmpty()
                        || l.matches(".*[/+#].*"))) {
                    problems.add("homeassistant.labels." + camera + " must list labels (no '/', '+' or '#'), got "
                            + labels);
                }
            });
        }
    }

    private void checkMqtt(List<String> problems) {
        if (mqtt.broker() == null || !(mqtt.broker().startsWith("tcp://") || mqtt.broker().startsWith("ssl://"))) {
            problems.add("mqtt.broker must be a tcp:// or ssl:// URI, got '" + mqtt.broker() + "'");
        }
        if (mqtt.password() != null && (mqtt.username() == null || mqtt.username().isBlank())) {
            problems.add("mqtt.password (or EDGEVISION_MQTT_PASSWORD) is set but mqtt.username (or"
                    + " EDGEVISION_MQTT_USERNAME) is not: set both, or neither for a broker without log-in");
        }
        if (mqtt.detectionsQos() != null && (mqtt.detectionsQos() < 0 || mqtt.detectionsQos() > 2)) {
            problems.add("mqtt.detections_qos must be 0, 1 or 2, got " + mqtt.detectionsQos());
        }
        if (mqtt.statsSeconds() != null && (mqtt.statsSeconds() < 1 || mqtt.statsSeconds() > 3600)) {
            problems.add("mqtt.stats_seconds must be 1..3600, got " + mqtt.statsSeconds());
        }
        if (mqtt.prefix() != null && (mqtt.prefix().isBlank() || mqtt.prefix().matches(".*[+#].*"))) {
            problems.add("mqtt.prefix must be non-empty and hold no '+' or '#', got '" + mqtt.prefix() + "'");
        }
        BrokerPolicy.check(mqtt, problems);
    }
}
