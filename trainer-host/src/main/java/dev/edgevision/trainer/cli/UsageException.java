package dev.edgevision.trainer.cli;

/** An option value that cannot work (out of range, contradicting another); the message names the option. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
