package dev.edgevision.trainer.cli;

import dev.edgevision.trainer.deploy.ArtifactServer;
import dev.edgevision.trainer.deploy.ArtifactTls;
import dev.edgevision.trainer.deploy.BrokerOptions;
import dev.edgevision.trainer.deploy.DeployBundle;
import dev.edgevision.trainer.deploy.DeployTopics;
import dev.edgevision.trainer.deploy.ProgressDisplay;
import dev.edgevision.trainer.deploy.Rollout;
import dev.edgevision.trainer.deploy.RolloutPlan;
import dev.edgevision.trainer.deploy.RolloutResult;
import dev.edgevision.trainer.deploy.ServeAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer deploy}: sends a bundle to one device or a lab over MQTT and follows the update to
 * its end (README, "Deploy a model from the workstation").
 */
@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Send a model bundle to devices over MQTT and follow the update.",
        description = {
            "Serves the bundle over HTTP from this machine (or sends it in chunks over the",
            "broker with --chunks), publishes an update job to each device on",
            "{prefix}/{device}/jobs/{id}, and shows each device's progress until every one",
            "has downloaded, verified, prepared, validated, activated the model and passed",
            "its probation, or failed.",
            "",
            "The broker password is read from EDGEVISION_MQTT_PASSWORD (or",
            "--password-file), never from the command line. Exit status 0 when every device",
            "succeeded, 1 otherwise (the summary names each device that did not, and why)."},
        footer = {"", "Example:", "  ./trainer deploy --model runs/digit-classifier/digits.vbundle \\",
            "      --device cam-1 --broker tcp://broker.local:1883"})
final class DeployCommand implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = "EDGEVISION_MQTT_PASSWORD";
    static final String USERNAME_VARIABLE = "EDGEVISION_MQTT_USERNAME";

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "The bundle to install.")
    Path model;

    @Option(names = "--device", paramLabel = "ID", description = "A device id (its device.id); may be repeated.")
    List<String> device = new ArrayList<>();

    @Option(names = "--devices", split = ",", paramLabel = "A,B,C", description = "Device ids, separated by commas.")
    List<String> devices = new ArrayList<>();

    @Option(names = "--broker", required = true, paramLabel = "URI",
            description = "The devices' broker: tcp://HOST:1883 or ssl://HOST:8883.")
    String broker;

    @Option(names = "--prefix", defaultValue = "vision", paramLabel = "P",
            description = "Topic prefix, as the devices' mqtt.prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--job-id", paramLabel = "ID", description = "The job id (default: deploy-<UTC time>-<random>).")
    String jobId;

    @Option(names = "--chunks", description = "Send the bundle in chunks over the broker, for devices that reach"
            + " only the broker; no HTTP server is started.")
    boolean chunks;

    @Option(names = "--timeout", defaultValue = "15m", paramLabel = "T",
            description = "How long to wait for every device: 90s, 15m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--probation", paramLabel = "S",
            description = "Seconds the new model is watched on each device (default: each device's update.probation_s).")
    Integer probation;

    @Option(names = "--allow-downgrade", description = "Let devices install a bundle older than the one they serve.")
    boolean allowDowngrade;

    @Option(names = "--http-bind", paramLabel = "ADDR",
            description = "Address to serve the bundle on (default: this machine's address towards the broker).")
    String httpBind;

    @Option(names = "--http-port", defaultValue = "0", paramLabel = "PORT",
            description = "Port to serve the bundle on (default: a free one).")
    int httpPort;

    @Option(names = "--http-host", paramLabel = "HOST",
            description = "Host name written into the devices' download URL (default: the bound address).")
    String httpHost;

    @Option(names = "--https-keystore", paramLabel = "FILE", description = "Serve over HTTPS with this PKCS#12 key"
            + " store (password in " + ArtifactTls.PASSWORD_VARIABLE + "); devices must trust its certificate.")
    Path httpsKeystore;

    @Option(names = "--https-password-file", paramLabel = "FILE",
            description = "File holding the key store's password (default: " + ArtifactTls.PASSWORD_VARIABLE + ").")
    Path httpsPasswordFile;

    @Option(names = "--username", paramLabel = "USER",
            description = "Broker user name (default: " + USERNAME_VARIABLE + ").")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File holding the broker password (default: " + PASSWORD_VARIABLE + ").")
    Path passwordFile;

    @Option(names = "--tls-ca", paramLabel = "PEM", description = "CA certificate of an ssl:// broker.")
    Path tlsCa;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Client certificate, for brokers that require one.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The client certificate's PKCS#8 private key.")
    Path tlsKey;

    @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
    boolean plain;

    @Override
    public Integer call() throws Exception {
        List<String> targets = targets();
        DeployTopics topics = topics();
        String job = jobId();
        Duration wait = duration(timeout);
        if (probation != null && probation < 0) {
            throw new UsageException("--probation must be 0 or more seconds, got " + probation);
        }
        if (chunks && (httpsKeystore != null || httpBind != null || httpHost != null || httpPort != 0)) {
            throw new UsageException("--chunks sends the bundle over the broker and starts no HTTP server: drop"
                    + " --http-bind, --http-port, --http-host and --https-keystore, or drop --chunks");
        }
        BrokerOptions options = brokerOptions();
        ServeAddress address = chunks ? null : ServeAddress.of(httpBind, httpHost, options);
        try (DeployBundle bundle = DeployBundle.of(model);
             ArtifactServer server = chunks ? null : serve(bundle, address)) {
            URI url = server == null ? null : server.url(address.advertised());
            RolloutPlan plan = new RolloutPlan(targets, job, bundle, url, wait, probation, allowDowngrade);
            Rollout rollout = new Rollout(plan, topics, new ProgressDisplay(System.err, interactive(), topics));
            Thread abort = new Thread(rollout::abort, "deploy-abort");
            Runtime.getRuntime().addShutdownHook(abort);
            RolloutResult result;
            try {
                result = rollout.run(options);
            } catch (IllegalStateException e) {
                throw new UsageException(e.getMessage());
            } finally {
                removeHook(abort);
            }
            System.out.println(result.toJson());
            return result.succeeded() ? 0 : 1;
        }
    }

    private List<String> targets() {
        Set<String> all = new LinkedHashSet<>();
        List<String> given = new ArrayList<>(device);
        devices.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(given::add);
        if (given.isEmpty()) {
            throw new UsageException("name the devices to update with --device ID or --devices A,B,C (each one's"
                    + " device.id)");
        }
        for (String d : given) {
            String problem = DeployTopics.levelProblem(d);
            if (problem != null) {
                throw new UsageException("device id " + problem + "; give the id as in the device's configuration"
                        + " (device.id)");
            }
            if (!all.add(d)) {
                throw new UsageException("device " + d + " is named twice in --device/--devices; name each once");
            }
        }
        return List.copyOf(all);
    }

    private DeployTopics topics() {
        try {
            return new DeployTopics(prefix);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private String jobId() {
        if (jobId == null) {
            return "deploy-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        }
        String problem = DeployTopics.levelProblem(jobId);
        if (problem != null) {
            throw new UsageException("--job-id " + problem);
        }
        return jobId;
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, {@code 500ms} or plain seconds. */
    static Duration duration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h)?").matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException("--timeout \"" + text + "\" is not a positive duration; write e.g. 90s, 15m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private BrokerOptions brokerOptions() throws IOException {
        String user = username != null ? username : System.getenv(USERNAME_VARIABLE);
        char[] password = secret("--password-file", passwordFile, PASSWORD_VARIABLE);
        BrokerOptions options = new BrokerOptions(broker, user == null || user.isBlank() ? null : user, password,
                tlsCa, tlsCert, tlsKey);
        String problem = options.problem();
        if (problem != null) {
            throw new UsageException(problem);
        }
        return options;
    }

    /** A password from {@code file} (its first line) if given, else from the environment {@code variable}, else null. */
    private static char[] secret(String option, Path file, String variable) throws IOException {
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new UsageException(option + ": " + file + " does not exist or cannot be read");
            }
            return Files.readString(file).strip().toCharArray();
        }
        String value = System.getenv(variable);
        return value == null ? null : value.toCharArray();
    }

    private ArtifactServer serve(DeployBundle bundle, ServeAddress address) throws IOException {
        if (httpPort < 0 || httpPort > 65535) {
            throw new UsageException("--http-port " + httpPort + " is not a TCP port; use 0 for a free one");
        }
        SSLContext tls = null;
        if (httpsKeystore != null) {
            char[] password = secret("--https-password-file", httpsPasswordFile, ArtifactTls.PASSWORD_VARIABLE);
            tls = ArtifactTls.serverContext(httpsKeystore, password == null ? new char[0] : password);
        }
        return ArtifactServer.start(bundle.copy(), bundle.size(), bundle.fileName(), address.socket(httpPort), tls);
    }

    private boolean interactive() {
        String term = System.getenv("TERM");
        return !plain && System.console() != null && term != null && !term.equals("dumb");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook runs
        }
    }
}
