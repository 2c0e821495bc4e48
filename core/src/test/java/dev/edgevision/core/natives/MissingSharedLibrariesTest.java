package dev.edgevision.core.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingSharedLibrariesTest {
    @Test
    void theLinkersMessageInACauseNamesTheMissingLibrary() {
        UnsatisfiedLinkError outer = new UnsatisfiedLinkError("no jniavdevice in java.library.path: /usr/lib");
        outer.initCause(new UnsatisfiedLinkError("/root/.javacpp/cache/ffmpeg.jar/org/bytedeco/ffmpeg/linux-x86_64/"
                + "libjniavdevice.so: libpulse.so.0: cannot open shared object file: No such file or directory"));
        assertEquals(List.of("libpulse.so.0"), MissingSharedLibraries.fromError(outer));
    }

    @Test
    void anErrorWithoutTheLinkersMessageNamesNothing() {
        assertEquals(List.of(), MissingSharedLibraries.fromError(
                new UnsatisfiedLinkError("no jniavdevice in java.library.path: /usr/lib")));
    }

    @Test
    void lddsNotFoundLinesCountUnlessTheLibrarySitsInTheSameFolder(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("libavutil.so.60"), "");
        String ldd = """
                \tlinux-vdso.so.1 (0x00007ffc)
                \tlibavutil.so.60 => not found
                \tlibpulse.so.0 => not found
                \tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f9b)
                \tlibasound.so.2 => not found
                """;
        assertEquals(List.of("libpulse.so.0", "libasound.so.2"), MissingSharedLibraries.notFound(ldd, folder));
    }

    @Test
    void theDescriptionNamesEachLibraryAndItsPackage() {
        String text = MissingSharedLibraries.describe(List.of("libpulse.so.0", "libasound.so.2"));
        assertEquals("libpulse.so.0 is missing (Debian/Ubuntu package libpulse0); libasound.so.2 is missing"
                + " (Debian/Ubuntu package libasound2): install it with sudo apt-get install libpulse0 libasound2", text);
    }

    @Test
    void anUnknownLibrarySaysHowToFindItsPackage() {
        String text = MissingSharedLibraries.describe(List.of("libfoo.so.3"));
        assertTrue(text.startsWith("libfoo.so.3 is missing: apt-file search libfoo.so.3"), text);
    }

    @Test
    void lddOnARealLibraryFolderFindsNothingMissingHere(@TempDir Path folder) throws Exception {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libz.so.1");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(libc), "no " + libc + " on this machine");
        Files.copy(libc, folder.resolve("libz.so.1"));
        assertEquals(List.of(), MissingSharedLibraries.fromLdd(folder));
        assertEquals(List.of(), MissingSharedLibraries.fromLdd(folder.resolve("absent")));
    }
}
