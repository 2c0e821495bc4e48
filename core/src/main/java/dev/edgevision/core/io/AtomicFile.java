package dev.edgevision.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Replaces a file atomically: the content goes to a temporary file beside the target, which is then
 * renamed over it. A reader sees the old file or the new one, never half of one, and a failed
 * write leaves the old file as it was. The new file gets the ordinary permissions of a new file
 * (not the owner-only ones of {@link Files#createTempFile}).
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fills the temporary file; it exists, empty, when called. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path temporary) throws IOException;
    }

    private AtomicFile() {
    }

    /** Replaces {@code target} with {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, temp -> Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** Replaces {@code target} with what {@code filler} writes into a temporary file beside it. */
    public static void write(Path target, Filler filler) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
        try {
            Files.write(temp, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            filler.fill(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
