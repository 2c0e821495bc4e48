package dev.edgevision.core.trust;

import dev.edgevision.core.model.BundleException;
import java.nio.file.Path;

/** A bundle {@link BundleVerifier} refused, with the reason as a stable code and a message naming the file and what to do. */
public final class BundleRefusedException extends BundleException {
    private final Refusal reason;

    public BundleRefusedException(Path bundle, Refusal reason, String problem) {
        super(bundle, problem);
        this.reason = reason;
    }

    public BundleRefusedException(Path bundle, Refusal reason, String problem, Throwable cause) {
        super(bundle, problem, cause);
        this.reason = reason;
    }

    public Refusal reason() {
        return reason;
    }

    /** The machine code, e.g. {@code revoked_key}. */
    public String code() {
        return reason.code();
    }
}
