package dev.edgevision.provisioning;

import java.io.IOException;

/** A provisioning step that cannot be done; the message names the input and what to do. */
public final class ProvisionException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProvisionException(String message) {
        super(message);
    }
}
