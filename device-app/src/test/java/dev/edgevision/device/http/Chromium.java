package dev.edgevision.device.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver protocol (plain JSON over loopback
 * HTTP): open a page, run a script, send pointer actions, take a screenshot. For the page tests;
 * {@link #missing()} says what is not installed.
 */
final class Chromium implements AutoCloseable {
    static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process driver;
    private final URI base;
    private final String session;

    private Chromium(Process driver, URI base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    static Optional<Path> find(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** What is missing to run these tests, or empty when chromium and chromedriver are both installed. */
    static Optional<String> missing() {
        if (find("chromium", "chromium-browser").isEmpty()) {
            return Optional.of("chromium is not installed (Debian: apt-get install chromium chromium-driver)");
        }
        if (find("chromedriver").isEmpty()) {
            return Optional.of("chromedriver is not installed (Debian: apt-get install chromium-driver)");
        }
        return Optional.empty();
    }

    /** Starts chromedriver on a free loopback port and a headless browser with a {@code width}x{@code height} viewport. */
    static Chromium start(Path profile, int width, int height) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process driver = new ProcessBuilder(find("chromedriver").orElseThrow().toString(), "--port=" + port,
                "--allowed-ips=127.0.0.1").redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromedriver.log").toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!ready(base)) {
                if (System.nanoTime() > deadline || !driver.isAlive()) {
                    throw new IOException("chromedriver did not start: " + Files.readString(profile.resolve(
                            "chromedriver.log")));
                }
                Thread.sleep(100);
            }
            ObjectNode options = JSON.createObjectNode().put("binary", find("chromium", "chromium-browser")
                    .orElseThrow().toString());
            options.putArray("args").add("--headless=new").add("--no-sandbox").add("--disable-gpu")
                    .add("--disable-dev-shm-usage").add("--hide-scrollbars").add("--force-device-scale-factor=1")
                    .add("--window-size=" + width + "," + height).add("--user-data-dir=" + profile.resolve("profile"));
            ObjectNode caps = JSON.createObjectNode();
            caps.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                    .set("goog:chromeOptions", options);
            JsonNode created = call(base, "POST", "/session", caps);
            Chromium browser = new Chromium(driver, base, created.get("value").get("sessionId").asText());
            ObjectNode metrics = JSON.createObjectNode().put("cmd", "Emulation.setDeviceMetricsOverride");
            metrics.putObject("params").put("width", width).put("height", height).put("deviceScaleFactor", 1)
                    .put("mobile", false);
            browser.command("POST", "/goog/cdp/execute", metrics);
            return browser;
        } catch (Exception | Error e) {
            driver.destroyForcibly();
            throw e;
        }
    }

    void open(URI page) throws Exception {
        command("POST", "/url", JSON.createObjectNode().put("url", page.toString()));
    }

    /** Runs {@code script} (a function body) in the page and returns its value. */
    JsonNode script(String script) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return command("POST", "/execute/sync", body).get("value");
    }

    /** Waits up to {@code seconds} for {@code condition} (a script returning a boolean) to be true. */
    void await(String condition, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!script("return !!(" + condition + ");").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what + "; page state: "
                        + script("return document.body ? document.body.dataset.state : 'no body';"));
            }
            Thread.sleep(100);
        }
    }

    String element(String css) throws Exception {
        JsonNode found = command("POST", "/element", JSON.createObjectNode().put("using", "css selector")
                .put("value", css));
        return found.get("value").get(ELEMENT).asText();
    }

    void click(String css) throws Exception {
        command("POST", "/element/" + element(css) + "/click", JSON.createObjectNode());
    }

    /**
     * Draws {@code strokes} (polylines in the element's own pixels, from its top-left corner) on the
     * element {@code css} with a pointer of {@code pointerType} ({@code mouse} or {@code touch}),
     * moving in steps of a few pixels as a hand would.
     */
    void draw(String css, String pointerType, int width, int height, int[][] strokes) throws Exception {
        String element = element(css);
        ObjectNode body = JSON.createObjectNode();
        ObjectNode source = body.putArray("actions").addObject().put("type", "pointer").put("id", pointerType);
        source.putObject("parameters").put("pointerType", pointerType);
        ArrayNode steps = source.putArray("actions");
        for (int[] line : strokes) {
            move(steps, element, line[0] - width / 2, line[1] - height / 2);
            steps.addObject().put("type", "pointerDown").put("button", 0);
            for (int i = 2; i < line.length; i += 2) {
                int x0 = line[i - 2];
                int y0 = line[i - 1];
                int n = Math.max(1, (int) (Math.hypot(line[i] - x0, line[i + 1] - y0) / 6));
                for (int k = 1; k <= n; k++) {
                    move(steps, element, x0 + (line[i] - x0) * k / n - width / 2,
                            y0 + (line[i + 1] - y0) * k / n - height / 2);
                }
            }
            steps.addObject().put("type", "pointerUp").put("button", 0);
        }
        command("POST", "/actions", body);
    }

    private static void move(ArrayNode steps, String element, int x, int y) {
        ObjectNode m = steps.addObject().put("type", "pointerMove").put("duration", 5).put("x", x).put("y", y);
        m.putObject("origin").put(ELEMENT, element);
    }

    /** A PNG of the viewport. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(command("GET", "/screenshot", null).get("value").asText());
    }

    private JsonNode command(String method, String path, JsonNode body) throws Exception {
        return call(base, method, "/session/" + session + path, body);
    }

    private static JsonNode call(URI base, String method, String path, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + " answered " + r.statusCode() + ": "
                    + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static boolean ready(URI base) {
        try {
            return call(base, "GET", "/status", null).get("value").get("ready").asBoolean();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            call(base, "DELETE", "/session/" + session, null);
        } catch (Exception e) {
            // the browser is gone already; the driver is stopped below
        }
        driver.destroy();
        try {
            if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            driver.destroyForcibly();
        }
    }
}
