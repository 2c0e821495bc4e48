package dev.edgevision.device.homeassistant;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders Home Assistant MQTT templates the way Home Assistant does for the parts these templates
 * use: Jinja2 (Python's, which Home Assistant is built on) with {@code value} (the payload as text),
 * {@code value_json} (the payload parsed, when it is JSON) and the {@code to_json} filter. Tests
 * that need it skip, saying so, where python3 with jinja2 is missing.
 */
public final class Jinja {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = String.join("\n",
            "import json, sys, jinja2",
            "env = jinja2.Environment(undefined=jinja2.Undefined)",
            "env.filters['to_json'] = lambda v: json.dumps(v)",
            "out = []",
            "for job in json.load(sys.stdin):",
            "    value = job['value']",
            "    try:",
            "        value_json = json.loads(value)",
            "    except ValueError:",
            "        value_json = None",
            "    try:",
            "        out.append(env.from_string(job['template']).render(value=value, value_json=value_json).strip())",
            "    except Exception as e:",
            "        out.append('ERROR ' + repr(e))",
            "json.dump(out, sys.stdout)");

    /** One template to render with one payload. */
    public record Job(String template, String value) {
    }

    private Jinja() {
    }

    /** Each job's rendering, in order; an error renders as {@code ERROR ...}. */
    public static List<String> render(List<Job> jobs) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", SCRIPT).redirectErrorStream(false).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: the templates are not rendered (" + e.getMessage() + ")");
            throw e;
        }
        ArrayNode input = JSON.createArrayNode();
        jobs.forEach(j -> input.addObject().put("template", j.template()).put("value", j.value()));
        p.getOutputStream().write(JSON.writeValueAsBytes(input));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("python3 did not finish rendering within 30 s");
        }
        assumeTrue(!err.contains("No module named 'jinja2'"), "python3 has no jinja2 module: templates not rendered");
        if (p.exitValue() != 0) {
            throw new IOException("python3 failed: " + err);
        }
        List<String> results = new ArrayList<>();
        for (JsonNode n : JSON.readTree(out)) {
            results.add(n.asText());
        }
        return results;
    }
}
