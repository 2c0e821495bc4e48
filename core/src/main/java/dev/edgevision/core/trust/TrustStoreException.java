package dev.edgevision.core.trust;

import java.nio.file.Path;

/** A trust store or signing key file that cannot be used; the message names the file, the line and what to do. */
public final class TrustStoreException extends Exception {
    public TrustStoreException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public TrustStoreException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
