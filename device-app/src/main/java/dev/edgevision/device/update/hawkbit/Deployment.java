package dev.edgevision.device.update.hawkbit;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code deploymentBase} resource as the device uses it: the action, how the server wants it
 * handled, and the artifacts of its chunks (software modules).
 *
 * @param actionId the action's id on the server
 * @param download skip, attempt or forced
 * @param update skip, attempt or forced
 * @param maintenanceWindow available, unavailable, or null when the action has none
 * @param artifacts every artifact of every chunk
 */
record Deployment(String actionId, String download, String update, String maintenanceWindow,
        List<File> artifacts) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * One artifact of a chunk.
     *
     * @param chunk the chunk's part, name and version, for messages
     * @param filename the artifact's file name
     * @param sha256 {@code hashes.sha256}, or null when the server sent none
     * @param size its size in bytes, or -1 when the server sent none
     * @param download {@code _links.download.href} (HTTPS), or null
     * @param downloadHttp {@code _links.download-http.href}, or null
     */
    record File(String chunk, String filename, String sha256, long size, URI download, URI downloadHttp) {
        /** The link to fetch it from: the one with the server's scheme, else whichever there is. */
        URI link(String scheme) {
            if ("http".equals(scheme) && downloadHttp != null) {
                return downloadHttp;
            }
            return download != null ? download : downloadHttp;
        }
    }

    /** Whether the server wants the device to wait (download or update skipped, or outside its maintenance window). */
    boolean waiting() {
        return "skip".equals(download) || "skip".equals(update) || "unavailable".equals(maintenanceWindow);
    }

    /**
     * The model bundle to install: the one artifact named {@code *.vbundle}, or the only artifact there is.
     *
     * @throws IllegalArgumentException saying what is wrong with the deployment for this device
     */
    File bundle() {
        List<File> bundles = artifacts.stream()
                .filter(f -> f.filename() != null && f.filename().toLowerCase(Locale.ROOT).endsWith(".vbundle")).toList();
        File chosen;
        if (bundles.size() == 1) {
            chosen = bundles.get(0);
        } else if (bundles.isEmpty() && artifacts.size() == 1) {
            chosen = artifacts.get(0);
        } else {
            throw new IllegalArgumentException("the distribution set must hold exactly one model bundle (*.vbundle)"
                    + " artifact; it holds " + (artifacts.isEmpty() ? "no artifacts" : artifacts.stream()
                            .map(File::filename).toList()) + ": upload the bundle made by 'trainer bundle' to a"
                    + " software module of the distribution set");
        }
        if (chosen.sha256() == null || !SHA256.matcher(chosen.sha256()).matches()) {
            throw new IllegalArgumentException("artifact " + chosen.filename() + " has no hashes.sha256; the device"
                    + " installs only artifacts whose SHA-256 the server states (hawkBit 0.3 or later)");
        }
        if (chosen.size() <= 0) {
            throw new IllegalArgumentException("artifact " + chosen.filename() + " states no size");
        }
        if (chosen.download() == null && chosen.downloadHttp() == null) {
            throw new IllegalArgumentException("artifact " + chosen.filename() + " has no download link");
        }
        return chosen;
    }
}
