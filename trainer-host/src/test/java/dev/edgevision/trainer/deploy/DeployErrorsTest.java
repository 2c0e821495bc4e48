package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.trainer.cli.TrainerCli;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code trainer deploy}: each is one line naming the input and what to do, exit 1,
 * and no password is ever printed.
 */
class DeployErrorsTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final String BUNDLE = HOME.resolve("models/digits.vbundle").toString();

    @TempDir
    Path dir;

    private static CapturedRun deploy(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "deploy";
        System.arraycopy(args, 0, all, 1, args.length);
        return CapturedRun.of(TrainerCli::run, all);
    }

    private static void assertError(CapturedRun run, String... parts) {
        assertEquals(1, run.status(), run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), "expected \"" + part + "\" in:\n" + run.err());
        }
        assertFalse(run.err().contains("Exception"), "no stack trace or exception name:\n" + run.err());
        assertEquals("", run.out(), "nothing on standard output");
    }

    @Test
    void aMissingBundleOrAFileThatIsNotOneIsNamed() throws Exception {
        Path missing = dir.resolve("nothing.vbundle");
        assertError(deploy("--model", missing.toString(), "--device", "cam-1", "--broker", "tcp://127.0.0.1:1"),
                missing + ": no such file", "--model");
        Path text = Files.writeString(dir.resolve("notes.vbundle"), "not a zip");
        assertError(deploy("--model", text.toString(), "--device", "cam-1", "--broker", "tcp://127.0.0.1:1"),
                text.toString(), "devices would refuse it");
        assertError(deploy("--model", dir.toString(), "--device", "cam-1", "--broker", "tcp://127.0.0.1:1"),
                dir + ": is not a file");
    }

    @Test
    void badDeviceIdsPrefixesAndOptionsAreNamed() {
        String broker = "tcp://127.0.0.1:1";
        assertError(deploy("--model", BUNDLE, "--device", "cam/1", "--broker", broker), "device id \"cam/1\"",
                "contains '/'", "device.id");
        assertError(deploy("--model", BUNDLE, "--devices", "a,b,a", "--broker", broker), "device a is named twice");
        assertError(deploy("--model", BUNDLE, "--broker", broker), "--device ID or --devices A,B,C");
        assertError(deploy("--model", BUNDLE, "--device", "cam-1", "--broker", broker, "--prefix", "vi#sion"),
                "--prefix", "'#'");
        assertError(deploy("--model", BUNDLE, "--device", "cam-1", "--broker", broker, "--timeout", "soon"),
                "--timeout \"soon\"", "90s");
        assertError(deploy("--model", BUNDLE, "--device", "cam-1", "--broker", "http://broker:1883"),
                "--broker", "tcp:// or ssl://");
        assertError(deploy("--model", BUNDLE, "--device", "cam-1", "--broker", broker, "--job-id", "a+b"),
                "--job-id", "'+'");
        assertError(deploy("--model", BUNDLE, "--device", "cam-1", "--broker", broker, "--chunks", "--http-port", "80"),
                "--chunks", "starts no HTTP server");
        assertError(deploy("--model", BUNDLE, "--device", "cam-1", "--broker", broker, "--probation", "-1"),
                "--probation");
    }

    @Test
    void anUnreachableBrokerIsNamed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String broker = "tcp://127.0.0.1:" + port;
        assertError(deploy("--model", BUNDLE, "--device", "cam-1", "--broker", broker), "MQTT broker " + broker,
                "check --broker");
    }

    @Test
    void wrongCredentialsAreNamedAndThePasswordIsNeverPrinted() throws Exception {
        Path passwd = Path.of("/usr/bin/mosquitto_passwd");
        Assumptions.assumeTrue(Files.isExecutable(passwd), "mosquitto_passwd not found: install 'mosquitto'");
        Path users = dir.resolve("users");
        Process make = new ProcessBuilder(passwd.toString(), "-b", "-c", users.toString(), "lab", "right-horse-battery")
                .redirectErrorStream(true).start();
        assertTrue(make.waitFor(20, TimeUnit.SECONDS) && make.exitValue() == 0, "mosquitto_passwd ran");
        Path wrong = Files.writeString(dir.resolve("wrong"), "staple-wrong-secret\n");
        Path right = Files.writeString(dir.resolve("right"), "right-horse-battery\n");
        try (TestMosquitto broker = TestMosquitto.start(dir.resolve("broker"),
                List.of("password_file " + users, "allow_anonymous false"))) {
            CapturedRun refused = deploy("--model", BUNDLE, "--device", "cam-1", "--broker", broker.uri(),
                    "--username", "lab", "--password-file", wrong.toString());
            assertError(refused, "bad user name or password", "--username", "--password-file");
            assertFalse(refused.err().contains("staple-wrong-secret"), refused.err());

            CapturedRun noDevice = deploy("--model", BUNDLE, "--device", "ghost", "--broker", broker.uri(),
                    "--username", "lab", "--password-file", right.toString(), "--timeout", "2s", "--plain");
            assertEquals(1, noDevice.status(), noDevice.err());
            assertTrue(noDevice.err().contains("ghost: timed out after 2 s without an answer; nothing was ever"
                    + " published on vision/ghost/status: check the device id and --prefix"), noDevice.err());
            assertFalse(noDevice.err().contains("right-horse-battery") || noDevice.out().contains("right-horse-battery"),
                    "the password is not printed");
        }
    }

    @Test
    void aJobIdADeviceAlreadyKnowsIsRefused() throws Exception {
        try (TestMosquitto broker = TestMosquitto.start(dir.resolve("broker"), List.of())) {
            MqttClient device = new MqttClient(broker.uri(), "old-device", new MemoryPersistence());
            device.connect();
            device.publish("vision/cam-1/jobs/job-7/status", "{\"job_id\":\"job-7\",\"state\":\"succeeded\"}"
                    .getBytes(StandardCharsets.UTF_8), 1, true);
            device.disconnect();
            device.close();
            assertError(deploy("--model", BUNDLE, "--device", "cam-1", "--broker", broker.uri(), "--job-id", "job-7"),
                    "job id job-7 is already known to device cam-1 (succeeded)", "choose another --job-id");
        }
    }
}
