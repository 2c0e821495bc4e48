package dev.edgevision.core.model;

import java.nio.file.Path;

/**
 * A bundle that cannot be used: not a bundle, a hash that does not match, a manifest that is
 * incomplete or of an unsupported format. The message names the bundle file and says what to do.
 */
public class BundleException extends Exception {
    private final Path bundle;

    public BundleException(Path bundle, String problem) {
        super(bundle + ": " + problem);
        this.bundle = bundle;
    }

    public BundleException(Path bundle, String problem, Throwable cause) {
        super(bundle + ": " + problem, cause);
        this.bundle = bundle;
    }

    /** The bundle file this error is about. */
    public Path bundle() {
        return bundle;
    }
}
