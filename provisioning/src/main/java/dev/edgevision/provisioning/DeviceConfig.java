package dev.edgevision.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The device's {@code appliance.yaml} as {@code provision} writes it (installed as
 * {@code /etc/edgevision/appliance.yaml}): the device id, the model the image carries, the cameras,
 * the broker over {@code ssl://} with the device's own certificate ({@code mqtt.tls}, paths
 * relative to the configuration's folder) and, when the fleet has one, the bundle-signing trust
 * store ({@code update.trust_store}). It holds no secret: the key stays in its own 0600 file.
 *
 * @param deviceId the device's id (or {@link #ID_PLACEHOLDER} in the image's template)
 * @param broker {@code ssl://HOST:PORT} of the fleet's broker
 * @param cameras camera name to source URI, in order
 * @param modelBundle the bundle served until an update installs another
 * @param trustStore whether {@code trust-store.txt} is installed beside the configuration
 */
public record DeviceConfig(String deviceId, String broker, Map<String, String> cameras, String modelBundle,
        boolean trustStore) {
    /** Stands for the device id in the image's template; first boot replaces it. */
    public static final String ID_PLACEHOLDER = "@DEVICE_ID@";
    /** The model the image carries. */
    public static final String IMAGE_MODEL = "/opt/edgevision/models/digits.vbundle";
    public static final String IDENTITY_DIR = "identity";
    public static final String TRUST_STORE = "trust-store.txt";

    /** Every problem of these settings, each naming the option; empty when usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!ID_PLACEHOLDER.equals(deviceId) && (deviceId == null || !FleetCa.DEVICE_ID.matcher(deviceId).matches())) {
            problems.add("--id '" + deviceId + "' must be 1-64 letters, digits, '_', '.' or '-'");
        }
        if (broker == null || !broker.matches("ssl://[^/:\\s]+(:\\d{1,5})?")) {
            problems.add("--broker '" + broker + "' must be ssl://HOST:PORT (devices reach the broker over mutual TLS)");
        }
        if (cameras.isEmpty()) {
            problems.add("--camera: give at least one, e.g. --camera cam0=v4l2:///dev/video0");
        }
        cameras.forEach((name, uri) -> {
            if (!FleetCa.DEVICE_ID.matcher(name).matches() || uri == null || !uri.contains("://")) {
                problems.add("--camera '" + name + "=" + uri + "' must be NAME=URI, e.g. cam0=csi://0");
            }
        });
        return problems;
    }

    /** The YAML text. */
    public String render() {
        StringBuilder y = new StringBuilder();
        y.append("# Written by 'provision' for device ").append(deviceId).append(". Relative paths are resolved\n");
        y.append("# against this file's folder (/etc/edgevision on the device).\n");
        y.append("device:\n  id: ").append(deviceId).append('\n');
        y.append("model:\n  bundle: ").append(modelBundle).append("\n  backend: auto\n");
        y.append("cameras:\n");
        cameras.forEach((name, uri) -> y.append("  - name: ").append(name).append("\n    uri: \"")
                .append(uri.replace("\"", "%22")).append("\"\n"));
        y.append("mqtt:\n  broker: ").append(broker).append('\n');
        y.append("  detections_qos: 0\n");
        y.append("  tls:\n");
        y.append("    ca: ").append(IDENTITY_DIR).append("/ca.crt\n");
        y.append("    cert: ").append(IDENTITY_DIR).append("/device.crt\n");
        y.append("    key: ").append(IDENTITY_DIR).append("/device.key\n");
        if (trustStore) {
            y.append("update:\n  trust_store: ").append(TRUST_STORE).append('\n');
        }
        return y.toString();
    }
}
