package dev.edgevision.provisioning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a jar for the device: native libraries for other platforms dropped (multi-platform jars
 * such as ONNX Runtime's or junixsocket's carry x86-64, macOS, Windows... beside aarch64), every
 * entry stamped with one time, and the entries in the jar's own order, so that the same jar gives
 * the same bytes. The manifest and signature files are copied unchanged; dropping entries leaves a
 * signed jar's remaining entries verifiable.
 */
final class JarSlimmer {
    private static final Pattern NATIVE = Pattern.compile(".*(\\.so(\\.[0-9]+)*|\\.dll|\\.dylib|\\.jnilib|\\.a)$");
    private static final LocalDateTime STAMP = LocalDateTime.of(2026, 1, 1, 0, 0);

    /** What a rewrite kept and dropped. */
    record Result(byte[] jar, List<String> dropped, List<String> kept) {
    }

    private JarSlimmer() {
    }

    /**
     * True when {@code content} of the native entry {@code name} runs on the device: an ELF file for
     * AArch64 with the System V or Linux ABI (not an Android build); Mach-O, PE and other
     * architectures are not. A non-ELF file is judged by its path.
     */
    static boolean isDeviceNative(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("android")) {
            return false;
        }
        if (Elf.isElf(content)) {
            return Elf.isLinuxAarch64(content);
        }
        return (lower.contains("aarch64") || lower.contains("arm64")) && !lower.contains("win") && !lower.contains("osx")
                && !lower.contains("mac") && !lower.contains("darwin");
    }

    static boolean isNative(String entry) {
        return NATIVE.matcher(entry.toLowerCase(Locale.ROOT)).matches();
    }

    static Result slim(Path jar) throws IOException {
        List<String> dropped = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.DEFAULT_COMPRESSION);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (ZipEntry entry : Collections.list(entries)) {
                String name = entry.getName();
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = entry.isDirectory() ? new byte[0] : in.readAllBytes();
                }
                if (isNative(name) && !entry.isDirectory()) {
                    if (!isDeviceNative(name, content)) {
                        dropped.add(name);
                        continue;
                    }
                    kept.add(name);
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTimeLocal(STAMP);
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return new Result(bytes.toByteArray(), dropped, kept);
    }
}
