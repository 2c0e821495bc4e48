package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.trainer.cli.TrainerCli;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's "watch an update land": {@code appliance demo} (a child process from device-app's
 * jar) prints the {@code ./trainer deploy} command for a second terminal; that very command, run
 * here, exits 0 and the demo's printout then says its records come from the deployed model.
 */
class DeployToDemoTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = HOME.resolve("device-app/target/device-app.jar");
    static final Path LIB = HOME.resolve("device-app/target/lib");
    static final String PROMPT = "run in a second terminal: ./trainer deploy ";

    @Test
    void theCommandTheDemoPrintsDeploysOntoIt() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isDirectory(LIB), "device-app is not packaged ("
                + JAR + " and " + LIB + " missing): run ./mvnw -pl device-app -am package -DskipTests first");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(javaBin, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dedgevision.home=" + HOME,
                "-cp", JAR + File.pathSeparator + LIB + File.separator + "*", "dev.edgevision.device.cli.ApplianceCli",
                "demo", "--seconds", "150").directory(HOME.toFile()).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(demo.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the demo was stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String prompt = awaitLine(output, PROMPT, demo);
            String command = prompt.substring(prompt.indexOf(PROMPT) + PROMPT.length()).replaceAll(" \\(within.*", "");
            List<String> args = new ArrayList<>(List.of("deploy"));
            args.addAll(Arrays.asList(command.split(" ")));
            int model = args.indexOf("--model") + 1;
            args.set(model, HOME.resolve(args.get(model)).toString());
            args.addAll(List.of("--timeout", "120s", "--plain"));
            awaitLine(output, "cam0 frame", demo);

            CapturedRun run = CapturedRun.of(TrainerCli::run, args.toArray(String[]::new));
            assertEquals(0, run.status(), run.err() + "\ndemo:\n" + String.join("\n", output));
            String detector = "digit-detector "
                    + ModelBundle.open(HOME.resolve("models/digit-detector.vbundle")).manifest().version();
            String landed = awaitLine(output, "[model] records now come from digits 1 (was " + detector + ")", demo);
            System.out.println("the demo's deploy command: ./trainer deploy " + command + "\n" + run.err()
                    + "the demo printed: " + landed);
            assertTrue(output.stream().anyMatch(l -> l.startsWith("[update job ") && l.contains("probation")),
                    "the demo shows the job's steps: " + String.join("\n", output));
        } finally {
            demo.destroy();
            if (!demo.waitFor(20, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String awaitLine(List<String> output, String text, Process demo) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && demo.isAlive()) {
            synchronized (output) {
                for (String line : output) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the demo did not print \"" + text + "\" (alive: " + demo.isAlive() + "):\n"
                + String.join("\n", output));
    }
}
