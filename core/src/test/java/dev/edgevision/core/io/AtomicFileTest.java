package dev.edgevision.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesAndLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("sub/file.bin");
        AtomicFile.write(target, new byte[] {1, 2, 3});
        AtomicFile.write(target, new byte[] {4});
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void failedWriteKeepsTheOldFile() throws Exception {
        Path target = dir.resolve("file.bin");
        AtomicFile.write(target, new byte[] {7, 7});
        assertThrows(IOException.class, () -> AtomicFile.write(target, temp -> {
            Files.write(temp, new byte[] {1});
            throw new IOException("disk full");
        }));
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void newFileIsNotOwnerOnly() throws Exception {
        Path target = dir.resolve("report.html");
        AtomicFile.write(target, new byte[] {1});
        Path plain = Files.write(dir.resolve("plain"), new byte[] {1});
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }
}
