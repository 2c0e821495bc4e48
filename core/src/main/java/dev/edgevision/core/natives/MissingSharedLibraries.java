package dev.edgevision.core.natives;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the shared libraries that kept a native library from loading: first in the loader's error
 * (the dynamic linker's "libX.so.N: cannot open shared object file", which JavaCPP keeps in the
 * causes of its "no jniX in java.library.path"), then by running {@code ldd} on the extracted
 * libraries, leaving out the libraries that sit beside them (JavaCPP loads those itself).
 */
public final class MissingSharedLibraries {
    private static final Pattern LINKER = Pattern.compile(
            "([A-Za-z0-9_+.\\-]+\\.so(?:\\.[0-9]+)*): cannot open shared object file");
    private static final Pattern LDD_NOT_FOUND = Pattern.compile(
            "^\\s*(\\S+\\.so(?:\\.[0-9]+)*) => not found\\s*$", Pattern.MULTILINE);
    private static final long LDD_TIMEOUT_SECONDS = 10;
    private static final int MAX_LIBRARIES = 64;

    private MissingSharedLibraries() {
    }

    /** The sonames the dynamic linker could not open, as named anywhere in {@code error}'s chain. */
    public static List<String> fromError(Throwable error) {
        Set<String> names = new LinkedHashSet<>();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            addLinkerNames(t.getMessage(), names);
            for (Throwable s : t.getSuppressed()) {
                addLinkerNames(s.getMessage(), names);
            }
        }
        return List.copyOf(names);
    }

    /**
     * The sonames {@code ldd} reports as not found for the libraries in {@code folder}, except those
     * present in the folder itself; empty when the folder is missing or {@code ldd} cannot run.
     */
    public static List<String> fromLdd(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> libraries = files.filter(p -> p.getFileName().toString().contains(".so"))
                    .filter(Files::isRegularFile).sorted().limit(MAX_LIBRARIES).toList();
            for (Path library : libraries) {
                names.addAll(notFound(ldd(library), folder));
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(names);
    }

    /** The "X => not found" sonames in {@code lddOutput}, leaving out those present in {@code folder}. */
    public static List<String> notFound(String lddOutput, Path folder) {
        List<String> names = new ArrayList<>();
        Matcher m = LDD_NOT_FOUND.matcher(lddOutput == null ? "" : lddOutput);
        while (m.find()) {
            String name = m.group(1);
            if ((folder == null || !Files.exists(folder.resolve(name))) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * A sentence naming each missing library and the package that provides it, e.g. "libpulse.so.0
     * is missing (Debian/Ubuntu package libpulse0: sudo apt-get install libpulse0)"; empty when
     * {@code sonames} is empty.
     */
    public static String describe(List<String> sonames) {
        if (sonames.isEmpty()) {
            return "";
        }
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String soname : sonames) {
            String pkg = DebianPackages.providing(soname);
            if (pkg != null) {
                known.add(pkg);
            } else {
                unknown.add(soname);
            }
            text.append(text.length() == 0 ? "" : "; ").append(soname).append(" is missing")
                    .append(pkg != null ? " (Debian/Ubuntu package " + pkg + ")" : "");
        }
        if (!known.isEmpty()) {
            text.append(": install it with sudo apt-get install ").append(String.join(" ", new LinkedHashSet<>(known)));
        }
        if (!unknown.isEmpty()) {
            text.append(known.isEmpty() ? ": " : "; ").append("apt-file search ").append(unknown.get(0))
                    .append(" names the package that provides ").append(unknown.size() == 1 ? "it" : "each");
        }
        return text.toString();
    }

    private static void addLinkerNames(String message, Set<String> names) {
        if (message == null) {
            return;
        }
        Matcher m = LINKER.matcher(message);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    private static String ldd(Path library) {
        try {
            Process p = new ProcessBuilder("ldd", library.toString()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(256 * 1024);
            }
            if (!p.waitFor(LDD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Package names for the sonames the bundled natives link from the system. */
    static final class DebianPackages {
        private static final Map<String, String> BY_SONAME = Map.ofEntries(
                Map.entry("libpulse.so.0", "libpulse0"),
                Map.entry("libasound.so.2", "libasound2"),
                Map.entry("libxcb.so.1", "libxcb1"),
                Map.entry("libxcb-shm.so.0", "libxcb-shm0"),
                Map.entry("libxcb-shape.so.0", "libxcb-shape0"),
                Map.entry("libxcb-xfixes.so.0", "libxcb-xfixes0"),
                Map.entry("libX11.so.6", "libx11-6"),
                Map.entry("libdrm.so.2", "libdrm2"),
                Map.entry("libva.so.2", "libva2"),
                Map.entry("libva-drm.so.2", "libva-drm2"),
                Map.entry("libstdc++.so.6", "libstdc++6"),
                Map.entry("libgcc_s.so.1", "libgcc-s1"),
                Map.entry("libgomp.so.1", "libgomp1"),
                Map.entry("libz.so.1", "zlib1g"),
                Map.entry("libgtk-3.so.0", "libgtk-3-0"),
                Map.entry("libglib-2.0.so.0", "libglib2.0-0"),
                Map.entry("libgstreamer-1.0.so.0", "libgstreamer1.0-0"),
                Map.entry("libgpiod.so.2", "libgpiod2"),
                Map.entry("libv4l2.so.0", "libv4l-0"),
                Map.entry("libusb-1.0.so.0", "libusb-1.0-0"),
                Map.entry("libnuma.so.1", "libnuma1"));

        private DebianPackages() {
        }

        /** The package providing {@code soname}, or null when this table does not know it. */
        static String providing(String soname) {
            return BY_SONAME.get(soname);
        }
    }
}
