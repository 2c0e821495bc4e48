package dev.edgevision.provisioning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Device builds and overlays made from small stand-ins, for the overlay, first-boot and flash tests. */
final class Fixtures {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private Fixtures() {
    }

    /** The first 20 bytes of an ELF shared object for {@code machine} (62 x86-64, 183 AArch64). */
    static byte[] elf(int machine) {
        byte[] b = new byte[64];
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2;
        b[5] = 1;
        b[6] = 1;
        b[18] = (byte) machine;
        b[19] = (byte) (machine >> 8);
        return b;
    }

    static void jar(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(o)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** A device build: device-app.jar and a lib/ with a multi-platform native jar (x86-64, AArch64, macOS, Windows). */
    static Path deviceBuild(Path dir) throws IOException {
        jar(dir.resolve("device-app.jar"), Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(),
                "dev/edgevision/device/cli/ApplianceCli.class", new byte[] {(byte) 0xca, (byte) 0xfe}));
        jar(dir.resolve("lib/natives-1.0.jar"), new java.util.LinkedHashMap<>(Map.of(
                "lib/amd64-Linux-clang/jni/libnative.so", elf(Elf.EM_X86_64),
                "lib/aarch64-Linux-clang/jni/libnative.so", elf(Elf.EM_AARCH64),
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so", elf(Elf.EM_X86_64),
                "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so", elf(Elf.EM_AARCH64),
                "lib/aarch64-MacOSX-clang/jni/libnative.dylib", new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe},
                "lib/amd64-Windows10-clang/jni/native.dll", new byte[] {'M', 'Z'},
                "org/example/Native.class", new byte[] {(byte) 0xca, (byte) 0xfe})));
        jar(dir.resolve("lib/core-0.1.0-SNAPSHOT.jar"), Map.of("dev/edgevision/core/A.class", new byte[] {1}));
        jar(dir.resolve("lib/javacpp-1.5.13-linux-arm64.jar"), Map.of("org/bytedeco/javacpp/linux-arm64/libjnijavacpp.so",
                elf(Elf.EM_AARCH64)));
        jar(dir.resolve("lib/netty-transport-native-epoll-4.1.93.Final-linux-x86_64.jar"),
                Map.of("META-INF/native/libnetty_transport_native_epoll_x86_64.so", elf(Elf.EM_X86_64)));
        return dir;
    }

    /** Every entry of a tar: path to content (null for directories and links). */
    static Map<String, byte[]> untar(Path archive) throws IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        byte[] b = Files.readAllBytes(archive);
        for (int at = 0; at + 512 <= b.length;) {
            if (b[at] == 0) {
                break;
            }
            String name = new String(b, at, 100).replace("\0", "");
            String prefix = new String(b, at + 345, 155).replace("\0", "");
            int size = Integer.parseInt(new String(b, at + 124, 11).trim(), 8);
            char type = (char) b[at + 156];
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            byte[] content = type == '0' ? java.util.Arrays.copyOfRange(b, at + 512, at + 512 + size) : null;
            out.put(path, content);
            at += 512 + (size + 511) / 512 * 512;
        }
        return out;
    }

    /** The entries of a jar's bytes: name to content. */
    static Map<String, byte[]> unzip(byte[] jar) throws IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    /** Runs a program, returning its exit status; its output goes to {@code log}. */
    static int run(Path log, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 120 s");
        }
        return p.exitValue();
    }

    static List<String> args(String... a) {
        return new ArrayList<>(List.of(a));
    }
}
