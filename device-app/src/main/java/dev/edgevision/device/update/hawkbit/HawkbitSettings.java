package dev.edgevision.device.update.hawkbit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the device's hawkBit server is and how the device signs in to it.
 *
 * @param server the server's base URL, e.g. {@code https://hawkbit.example.com:8443} (no tenant)
 * @param tenant the tenant, {@code DEFAULT} on a fresh server
 * @param controllerId the target's controller id on the server (the device id)
 * @param targetToken the target's security token, sent as {@code Authorization: TargetToken ...};
 *     a secret, never logged or published
 * @param gatewayToken the tenant's gateway token, used only when there is no target token; a secret
 * @param poll how long to wait between polls until the server names its own interval
 */
public record HawkbitSettings(URI server, String tenant, String controllerId, String targetToken,
        String gatewayToken, Duration poll) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,256}");

    /** Every problem of these settings, each naming the key; empty when usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (server == null || server.getScheme() == null || server.getHost() == null
                || !(server.getScheme().equals("http") || server.getScheme().equals("https"))) {
            problems.add("update.hawkbit.url must be an http:// or https:// URL of the hawkBit server, got '"
                    + (server == null ? "nothing" : shown(server)) + "'");
        }
        if (tenant == null || !ID.matcher(tenant).matches()) {
            problems.add("update.hawkbit.tenant must be 1-256 letters, digits, '_', '.', ':' or '-', got '" + tenant
                    + "'");
        }
        if (controllerId == null || !ID.matcher(controllerId).matches()) {
            problems.add("update.hawkbit.controller_id must be 1-256 letters, digits, '_', '.', ':' or '-', got '"
                    + controllerId + "'");
        }
        if (blank(targetToken) && blank(gatewayToken)) {
            problems.add("update.hawkbit needs target_token or token_file (the target's security token, shown in"
                    + " the target's details on the server) or gateway_token");
        }
        if (poll == null || poll.isNegative() || poll.isZero() || poll.toHours() > 24) {
            problems.add("update.hawkbit.poll_s must be 1 s to 24 h, got " + poll);
        }
        return problems;
    }

    /** The value of the {@code Authorization} header: a secret. */
    String authorization() {
        return !blank(targetToken) ? "TargetToken " + targetToken.strip() : "GatewayToken " + gatewayToken.strip();
    }

    /** The controller's base resource, {@code {server}/{tenant}/controller/v1/{controllerId}}. */
    URI controllerBase() {
        String base = server.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + tenant + "/controller/v1/" + controllerId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    @Override
    public String toString() {
        return "HawkbitSettings[server=" + (server == null ? null : shown(server)) + ", tenant=" + tenant
                + ", controllerId=" + controllerId + ", targetToken=" + (blank(targetToken) ? "none" : "****")
                + ", gatewayToken=" + (blank(gatewayToken) ? "none" : "****") + ", poll=" + poll + "]";
    }
}
