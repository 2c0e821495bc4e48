package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.trainer.cli.TrainerCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trainer deploy} to an {@code ssl://} Mosquitto that requires client certificates (a CA, a
 * server and a client certificate made with openssl): with {@code --tls-ca}, {@code --tls-cert} and
 * {@code --tls-key} it connects and follows the job; without the client certificate the broker
 * turns it away and the error names the broker and the TLS options.
 */
class DeployTlsBrokerTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    Path dir;

    @Test
    void aBrokerRequiringClientCertificatesIsReachedWithThem() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "openssl not found at " + OPENSSL + ": install 'openssl'");
        Path ext = Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=deploy-test-ca");
        for (String name : List.of("server", "client")) {
            openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                    name + ".key", "-out", name + ".csr", "-subj", "/CN=" + (name.equals("server") ? "127.0.0.1" : name));
            openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", name + ".pem", "-days", "2", "-extfile", ext.toString());
        }
        String bundle = HOME.resolve("models/digits.vbundle").toString();
        try (TestMosquitto broker = TestMosquitto.start(dir.resolve("broker"), List.of("cafile " + dir.resolve("ca.pem"),
                "certfile " + dir.resolve("server.pem"), "keyfile " + dir.resolve("server.key"),
                "require_certificate true"))) {
            String uri = broker.uri().replace("tcp://", "ssl://");
            CapturedRun withCert = CapturedRun.of(TrainerCli::run, "deploy", "--model", bundle, "--device", "ghost",
                    "--broker", uri, "--tls-ca", dir.resolve("ca.pem").toString(), "--tls-cert",
                    dir.resolve("client.pem").toString(), "--tls-key", dir.resolve("client.key").toString(),
                    "--timeout", "2s", "--plain");
            assertEquals(1, withCert.status(), withCert.err());
            assertTrue(withCert.err().contains("ghost: timed out after 2 s without an answer; nothing was ever"
                    + " published on vision/ghost/status"), "connected, then waited for the device: " + withCert.err());

            CapturedRun withoutCert = CapturedRun.of(TrainerCli::run, "deploy", "--model", bundle, "--device", "ghost",
                    "--broker", uri, "--tls-ca", dir.resolve("ca.pem").toString(), "--timeout", "2s", "--plain");
            assertEquals(1, withoutCert.status(), withoutCert.err());
            assertTrue(withoutCert.err().contains("trainer deploy: error: MQTT broker " + uri + ": "),
                    withoutCert.err());
            System.out.println("without a client certificate: " + withoutCert.err());
        }
        CapturedRun half = CapturedRun.of(TrainerCli::run, "deploy", "--model", bundle, "--device", "ghost",
                "--broker", "ssl://127.0.0.1:8883", "--tls-cert", dir.resolve("client.pem").toString());
        assertEquals(1, half.status(), half.err());
        assertTrue(half.err().contains("--tls-cert and --tls-key: give both"), half.err());
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + String.join(" ", args) + ": "
                + Files.readString(dir.resolve("openssl.log")));
    }
}
