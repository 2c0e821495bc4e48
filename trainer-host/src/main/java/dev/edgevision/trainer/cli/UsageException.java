package dev.edgevision.trainer.cli;

/** An option value that cannot work (out of range, contradicting another, a run folder in the wrong state); the message names the option or folder. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
