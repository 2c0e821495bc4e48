package dev.edgevision.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provision}: the workstation's side of making devices. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        header = "Make devices: fleet CA, certificates, device configuration, broker configuration, image overlay.",
        subcommands = {ProvisionCli.Ca.class, ProvisionCli.Broker.class, ProvisionCli.Device.class,
            ProvisionCli.Sign.class, ProvisionCli.Enrol.class, ProvisionCli.Mosquitto.class,
            ProvisionCli.TrustStore.class, ProvisionCli.OverlayCommand.class})
public final class ProvisionCli {
    static final Duration DEVICE_VALIDITY = Duration.ofDays(825);

    private ProvisionCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; a {@link ProvisionException} is printed as one line, without a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(ProvisionCli.class);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ProvisionException || e instanceof IOException) {
                System.err.println("provision: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static Map<String, String> cameras(List<String> given) {
        Map<String, String> cameras = new LinkedHashMap<>();
        for (String c : given.isEmpty() ? List.of("cam0=v4l2:///dev/video0") : given) {
            int eq = c.indexOf('=');
            cameras.put(eq < 0 ? c : c.substring(0, eq), eq < 0 ? null : c.substring(eq + 1));
        }
        return cameras;
    }

    @Command(name = "ca", mixinStandardHelpOptions = true, header = "The fleet CA: create one, or use yours.",
            subcommands = {Ca.Create.class, Ca.Use.class})
    static final class Ca {
        @Command(name = "create", mixinStandardHelpOptions = true, header = "Create the fleet CA in a folder.")
        static final class Create implements Callable<Integer> {
            @Option(names = "--fleet", required = true, paramLabel = "DIR", description = "Fleet folder (ca.key 0600, ca.crt).")
            Path fleet;
            @Option(names = "--name", defaultValue = "Edge vision fleet CA", description = "CA name (CN).")
            String name;
            @Option(names = "--days", defaultValue = "3650", description = "Validity in days (${DEFAULT-VALUE}).")
            int days;

            @Override
            public Integer call() throws IOException {
                FleetCa ca = FleetCa.create(fleet, name, Duration.ofDays(days));
                System.out.println("fleet CA " + ca.certificate().getSubjectX500Principal().getName() + " in " + fleet
                        + " (ca.crt; ca.key is private: keep it off devices and images)");
                return 0;
            }
        }

        @Command(name = "use", mixinStandardHelpOptions = true, header = "Adopt an existing CA certificate and key.")
        static final class Use implements Callable<Integer> {
            @Option(names = "--fleet", required = true, paramLabel = "DIR") Path fleet;
            @Option(names = "--cert", required = true, paramLabel = "PEM") Path cert;
            @Option(names = "--key", required = true, paramLabel = "PEM") Path key;

            @Override
            public Integer call() throws IOException {
                FleetCa ca = FleetCa.adopt(fleet, cert, key);
                System.out.println("fleet CA " + ca.certificate().getSubjectX500Principal().getName() + " adopted into " + fleet);
                return 0;
            }
        }
    }

    @Command(name = "broker", mixinStandardHelpOptions = true, header = "The broker's server certificate.")
    static final class Broker implements Callable<Integer> {
        @Option(names = "--fleet", required = true, paramLabel = "DIR") Path fleet;
        @Option(names = "--host", required = true, paramLabel = "NAME|IP",
                description = "A name or address devices connect to (repeat for more).") List<String> hosts;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Writes broker.key (0600), broker.crt, ca.crt.") Path out;
        @Option(names = "--days", defaultValue = "825") int days;

        @Override
        public Integer call() throws IOException {
            FleetCa ca = FleetCa.load(fleet);
            KeyPair pair = FleetCa.newKeyPair();
            X509Certificate cert = ca.issueBroker(pair.getPublic(), hosts, Duration.ofDays(days));
            Pem.writeKey(out.resolve("broker.key"), pair.getPrivate());
            Pem.writeCertificate(out.resolve("broker.crt"), cert);
            Pem.writeCertificate(out.resolve("ca.crt"), ca.certificate());
            System.out.println("broker certificate for " + String.join(", ", hosts) + " in " + out);
            return 0;
        }
    }

    /** Options that describe a device's configuration. */
    static final class ConfigOptions {
        @Option(names = "--broker", required = true, paramLabel = "ssl://HOST:PORT") String broker;
        @Option(names = "--camera", paramLabel = "NAME=URI", description = "A camera (repeat; default cam0=v4l2:///dev/video0).")
        List<String> cameras = new ArrayList<>();
        @Option(names = "--trust-store", paramLabel = "FILE",
                description = "Bundle-signing keys: lines 'KEYID trusted|revoked BASE64'; installed as trust-store.txt.")
        Path trustStore;

        DeviceConfig config(String id) {
            return new DeviceConfig(id, broker, cameras(cameras), DeviceConfig.IMAGE_MODEL, trustStore != null);
        }
    }

    @Command(name = "device", mixinStandardHelpOptions = true,
            header = "Factory identity: a device's key, certificate and configuration, made on the workstation.",
            description = {"Writes DIR/appliance.yaml, DIR/identity/{device.key (0600), device.crt, ca.crt},",
                "DIR/device-id and DIR/trust-store.txt: the contents of the device's /etc/edgevision",
                "(flash --identity DIR installs them). Prefer first-boot enrolment, where the key never leaves the device."})
    static final class Device implements Callable<Integer> {
        @Option(names = "--fleet", required = true, paramLabel = "DIR") Path fleet;
        @Option(names = "--id", required = true, paramLabel = "DEVICE_ID") String id;
        @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
        @CommandLine.Mixin ConfigOptions options;

        @Override
        public Integer call() throws IOException {
            DeviceConfig config = options.config(id);
            List<String> problems = config.problems();
            if (!problems.isEmpty()) {
                throw new ProvisionException(String.join("; ", problems));
            }
            refuseOperator(id);
            FleetCa ca = FleetCa.load(fleet);
            KeyPair pair = FleetCa.newKeyPair();
            X509Certificate cert = ca.issueDevice(pair.getPublic(), id, DEVICE_VALIDITY);
            Path identity = out.resolve(DeviceConfig.IDENTITY_DIR);
            Pem.writeKey(identity.resolve("device.key"), pair.getPrivate());
            Pem.writeCertificate(identity.resolve("device.crt"), cert);
            Pem.writeCertificate(identity.resolve("ca.crt"), ca.certificate());
            Files.setPosixFilePermissions(identity, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Pem.write(out.resolve("appliance.yaml"), config.render(), Pem.PUBLIC);
            Pem.write(out.resolve("device-id"), id + "\n", Pem.PUBLIC);
            if (options.trustStore != null) {
                TrustStoreFile.install(options.trustStore, out.resolve(DeviceConfig.TRUST_STORE));
            }
            System.out.println("device " + id + ": identity and configuration in " + out);
            return 0;
        }
    }

    static void refuseOperator(String id) throws ProvisionException {
        if (id.equals("operator")) {
            throw new ProvisionException("device id 'operator' is the broker's operator user; choose another id");
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            header = "Sign a certificate request a device made at first boot (its key never left it).")
    static final class Sign implements Callable<Integer> {
        @Option(names = "--fleet", required = true, paramLabel = "DIR") Path fleet;
        @Option(names = "--csr", required = true, paramLabel = "PEM") Path csr;
        @Option(names = "--id", paramLabel = "DEVICE_ID", description = "Refuse a request for any other id.") String id;
        @Option(names = "--out", required = true, paramLabel = "PEM") Path out;

        @Override
        public Integer call() throws IOException {
            X509Certificate cert = FleetCa.load(fleet).signRequest(Pem.readRequest(csr, "certificate request"), id,
                    DEVICE_VALIDITY);
            refuseOperator(FleetCa.commonName(new org.bouncycastle.asn1.x500.X500Name(
                    cert.getSubjectX500Principal().getName())));
            Pem.writeCertificate(out, cert);
            System.out.println("signed " + cert.getSubjectX500Principal().getName() + " into " + out);
            return 0;
        }
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            header = "Enrol a device waiting at first boot: fetch its request over ssh, sign it, install the certificate.")
    static final class Enrol implements Callable<Integer> {
        @Option(names = "--fleet", required = true, paramLabel = "DIR") Path fleet;
        @Option(names = "--host", required = true, paramLabel = "[USER@]HOST") String host;
        @Option(names = "--id", paramLabel = "DEVICE_ID", description = "Refuse the device unless it has this id.") String id;
        @Option(names = "--ssh", defaultValue = "ssh", description = "The ssh program (${DEFAULT-VALUE}).") String ssh;
        @Option(names = "--remote-root", defaultValue = "", hidden = true) String remoteRoot;
        @Option(names = "--no-sudo", description = "The ssh user is root: run the remote commands without sudo.") boolean noSudo;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String sudo = noSudo ? "" : "sudo -n ";
            String identity = remoteRoot + "/etc/edgevision/identity";
            byte[] csr = remote(sudo + "cat " + identity + "/device.csr", null);
            Path tmp = Files.createTempFile("device", ".csr");
            try {
                Files.write(tmp, csr);
                X509Certificate cert = FleetCa.load(fleet).signRequest(Pem.readRequest(tmp, "the device's request"), id,
                        DEVICE_VALIDITY);
                String pem = Pem.encode(cert);
                remote(sudo + "sh -c 'cat > " + identity + "/device.crt.new'", pem.getBytes(StandardCharsets.US_ASCII));
                if (remoteRoot.isEmpty()) {
                    remote(sudo + "systemctl restart edgevision-firstboot.service", null);
                }
                System.out.println("enrolled " + cert.getSubjectX500Principal().getName() + " on " + host);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return 0;
        }

        private byte[] remote(String command, byte[] input) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(ssh, host, command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (input != null) {
                p.getOutputStream().write(input);
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ProvisionException("on " + host + ": '" + command + "' failed"
                        + (p.isAlive() ? " (timed out)" : " with status " + p.exitValue())
                        + "; is the device at first boot, and can this user ssh there and use sudo?");
            }
            return out;
        }
    }

    @Command(name = "mosquitto", mixinStandardHelpOptions = true,
            header = "A Mosquitto configuration: TLS with require_certificate, per-device ACLs, and the operator's certificate.")
    static final class Mosquitto implements Callable<Integer> {
        @Option(names = "--fleet", required = true, paramLabel = "DIR") Path fleet;
        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Writes mosquitto.conf, edgevision.acl, operator.key/crt (the certificates of 'provision broker' are expected there).")
        Path out;
        @Option(names = "--port", defaultValue = "8883") int port;
        @Option(names = "--bind", paramLabel = "ADDRESS") String bind;
        @Option(names = "--prefix", defaultValue = "vision") String prefix;
        @Option(names = "--operator", defaultValue = "operator", description = "CN of the operator's certificate.") String operator;

        @Override
        public Integer call() throws IOException {
            FleetCa ca = FleetCa.load(fleet);
            MosquittoConfig config = new MosquittoConfig(prefix, operator);
            Path dir = out.toAbsolutePath();
            Pem.write(dir.resolve("mosquitto.conf"), config.listener(bind, port, dir.resolve("ca.crt"),
                    dir.resolve("broker.crt"), dir.resolve("broker.key"), dir.resolve("edgevision.acl")), Pem.PUBLIC);
            Pem.write(dir.resolve("edgevision.acl"), config.acl(), Pem.PUBLIC);
            KeyPair pair = FleetCa.newKeyPair();
            Pem.writeKey(dir.resolve("operator.key"), pair.getPrivate());
            Pem.writeCertificate(dir.resolve("operator.crt"), ca.issueDevice(pair.getPublic(), operator, DEVICE_VALIDITY));
            Pem.writeCertificate(dir.resolve("ca.crt"), ca.certificate());
            System.out.println("mosquitto configuration in " + dir + " (mosquitto -c " + dir.resolve("mosquitto.conf") + ")");
            return 0;
        }
    }

    @Command(name = "trust-store", mixinStandardHelpOptions = true,
            header = "Check a bundle-signing trust store and install it beside a device configuration.")
    static final class TrustStore implements Callable<Integer> {
        @Option(names = "--keys", required = true, paramLabel = "FILE") Path keys;
        @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

        @Override
        public Integer call() throws IOException {
            TrustStoreFile.install(keys, out);
            System.out.println("trust store " + out + " installed");
            return 0;
        }
    }

    @Command(name = "overlay", mixinStandardHelpOptions = true,
            header = "The root-filesystem overlay of the device image (a reproducible tar, no secrets).")
    static final class OverlayCommand implements Callable<Integer> {
        @Option(names = "--fleet", required = true, paramLabel = "DIR", description = "Only ca.crt is read.") Path fleet;
        @Option(names = "--out", required = true, paramLabel = "TAR") Path out;
        @Option(names = "--app", paramLabel = "DIR",
                description = "The device build (device-app.jar, lib/); default: made by provisioning/build-device-jars.")
        Path app;
        @Option(names = "--enrol-url", paramLabel = "URL", description = "Where first boot posts its request (default: none; enrol from the workstation).")
        String enrolUrl;
        @Option(names = "--home", hidden = true) Path home;
        @CommandLine.Mixin ConfigOptions options;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path root = home != null ? home : Path.of(System.getProperty("edgevision.home", ".")).toAbsolutePath();
            Path device = app;
            if (device == null) {
                device = root.resolve("provisioning/target/device-arm64");
                Process build = new ProcessBuilder(root.resolve("provisioning/build-device-jars").toString(), device.toString())
                        .inheritIO().start();
                if (build.waitFor() != 0) {
                    throw new ProvisionException("provisioning/build-device-jars failed (status " + build.exitValue() + ")");
                }
            }
            Overlay.Summary s = Overlay.build(new Overlay.Inputs(root, device, fleet.resolve(FleetCa.CERT),
                    options.config(DeviceConfig.ID_PLACEHOLDER), options.trustStore, enrolUrl), out);
            System.out.printf("overlay %s: %d files, %.1f MB, linux-arm64 natives kept %d, other platforms' dropped %d%s%n"
                    + "sha256 %s%n", s.archive(), s.files(), s.bytes() / 1e6, s.nativesKept(), s.nativesDropped(),
                    s.jarsSkipped().isEmpty() ? "" : ", jars for other platforms left out: " + String.join(", ", s.jarsSkipped()),
                    s.sha256());
            return 0;
        }
    }
}
