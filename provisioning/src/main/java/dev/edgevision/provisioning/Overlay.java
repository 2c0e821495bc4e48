package dev.edgevision.provisioning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The root-filesystem overlay of a device image, as one tar archive to unpack over L4T's rootfs:
 * <pre>
 * opt/edgevision/app/device-app.jar, app/lib/*.jar   the service, linux-arm64 natives only
 * opt/edgevision/bin/appliance, edgevision-firstboot the launcher and the first-boot script
 * opt/edgevision/models/digits.vbundle               the model served until an update
 * opt/edgevision/datasets/mnist-9k/                  glyphs of the synthetic camera (smoke tests)
 * opt/edgevision/fleet/                              ca.crt, fleet.conf, appliance.yaml.template,
 *                                                    trust-store.txt: public fleet settings only
 * etc/systemd/system/ (+ multi-user.target.wants)    the units, enabled
 * usr/lib/sysusers.d/edgevision.conf                 the service user
 * etc/udev/rules.d/70-edgevision.rules               cameras and GPIO for the service's groups
 * opt/edgevision/overlay-contents.txt                sha256 of every file above
 * </pre>
 * It holds no secret (no private key, no password: identities are made at first boot or installed
 * per board by the flash wrapper) and is reproducible: entries sorted, one owner and one time,
 * jars rewritten with fixed stamps, so the same inputs give the same sha256.
 */
public final class Overlay {
    /** Seconds since the epoch stamped on every entry: 2026-01-01T00:00:00Z. */
    static final long STAMP = 1_767_225_600L;

    /** What went into the overlay. */
    public record Summary(Path archive, String sha256, int files, long bytes, int nativesKept, int nativesDropped,
            List<String> jarsSkipped) {
    }

    /**
     * @param home the repository (units, scripts, the model, the glyphs)
     * @param app the device build: {@code device-app.jar} and {@code lib/} (made with -Djetson)
     * @param fleetCa the fleet CA certificate (public)
     * @param template the device configuration with {@link DeviceConfig#ID_PLACEHOLDER} for the id
     * @param trustStore the bundle-signing trust store, or null
     * @param enrolUrl where first boot sends its certificate request, or null (enrolment from the workstation)
     */
    public record Inputs(Path home, Path app, Path fleetCa, DeviceConfig template, Path trustStore, String enrolUrl) {
    }

    private record Entry(int mode, byte[] content, String link) {
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private int nativesKept;
    private int nativesDropped;
    private final List<String> jarsSkipped = new ArrayList<>();

    private Overlay() {
    }

    /** Builds the overlay of {@code in} into {@code out}. */
    public static Summary build(Inputs in, Path out) throws IOException {
        Overlay o = new Overlay();
        o.collect(in);
        return o.write(out);
    }

    private void collect(Inputs in) throws IOException {
        Path jar = in.app().resolve("device-app.jar");
        Path lib = in.app().resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new ProvisionException("--app " + in.app() + " holds no device-app.jar and lib/: build the device jars"
                    + " with provisioning/build-device-jars (a -Djetson build of device-app)");
        }
        addJar("opt/edgevision/app/device-app.jar", jar);
        try (Stream<Path> jars = Files.list(lib)) {
            List<Path> all = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (all.stream().noneMatch(p -> p.getFileName().toString().contains("linux-arm64"))) {
                throw new ProvisionException(lib + " holds no linux-arm64 jar: the device jars must come from a -Djetson"
                        + " build (provisioning/build-device-jars)");
            }
            for (Path j : all) {
                String name = j.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.contains("x86_64") || lower.contains("x86-64") || lower.contains("amd64")) {
                    // wholly another platform's natives (Netty's epoll for x86-64, which Moquette pulls in;
                    // Netty falls back to NIO without it)
                    jarsSkipped.add(name);
                    continue;
                }
                if (lower.startsWith("deeplearning4j") || lower.startsWith("nd4j") || lower.startsWith("trainer")) {
                    throw new ProvisionException(j + " is trainer code (DL4J), which never goes on a device");
                }
                addJar("opt/edgevision/app/lib/" + name, j);
            }
        }
        Path overlay = in.home().resolve("provisioning/overlay");
        file("opt/edgevision/bin/appliance", 0755, Files.readAllBytes(overlay.resolve("appliance")));
        file("opt/edgevision/bin/edgevision-firstboot", 0755, Files.readAllBytes(overlay.resolve("edgevision-firstboot")));
        file("etc/udev/rules.d/70-edgevision.rules", 0644, Files.readAllBytes(overlay.resolve("70-edgevision.rules")));
        Path units = in.home().resolve("systemd");
        for (String unit : List.of("edgevision.service", "edgevision-firstboot.service")) {
            file("etc/systemd/system/" + unit, 0644, Files.readAllBytes(units.resolve(unit)));
            link("etc/systemd/system/multi-user.target.wants/" + unit, "../" + unit);
        }
        file("usr/lib/sysusers.d/edgevision.conf", 0644, Files.readAllBytes(units.resolve("edgevision.sysusers")));
        file("opt/edgevision/models/digits.vbundle", 0644, Files.readAllBytes(in.home().resolve("models/digits.vbundle")));
        Path glyphs = in.home().resolve("datasets/mnist-9k");
        try (Stream<Path> files = Files.list(glyphs)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                file("opt/edgevision/datasets/mnist-9k/" + f.getFileName(), 0644, Files.readAllBytes(f));
            }
        }
        file("opt/edgevision/README.md", 0644, Files.readAllBytes(in.home().resolve("README.md")));
        Pem.readCertificate(in.fleetCa(), "fleet CA certificate");
        file("opt/edgevision/fleet/ca.crt", 0644, Files.readAllBytes(in.fleetCa()));
        List<String> problems = in.template().problems();
        if (!problems.isEmpty()) {
            throw new ProvisionException(String.join("; ", problems));
        }
        file("opt/edgevision/fleet/appliance.yaml.template", 0644, in.template().render().getBytes(StandardCharsets.UTF_8));
        if (in.trustStore() != null) {
            List<String> bad = TrustStoreFile.problems(in.trustStore());
            if (!bad.isEmpty()) {
                throw new ProvisionException(String.join("\n", bad));
            }
            file("opt/edgevision/fleet/" + DeviceConfig.TRUST_STORE, 0644, Files.readAllBytes(in.trustStore()));
        }
        String conf = "# Fleet settings read by edgevision-firstboot (public: no secret belongs here).\n"
                + "BROKER=" + in.template().broker() + "\n"
                + "ENROL_URL=" + (in.enrolUrl() == null ? "" : in.enrolUrl()) + "\n"
                + "DEVICE_ID_PREFIX=jetson\n";
        file("opt/edgevision/fleet/fleet.conf", 0644, conf.getBytes(StandardCharsets.UTF_8));
        file("opt/edgevision/overlay-contents.txt", 0644, contents());
    }

    private byte[] contents() {
        StringBuilder text = new StringBuilder("# sha256 of every file of this overlay\n");
        entries.forEach((path, e) -> {
            if (e.content() != null) {
                text.append(sha256(e.content())).append("  /").append(path).append('\n');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void addJar(String path, Path jar) throws IOException {
        JarSlimmer.Result slim = JarSlimmer.slim(jar);
        nativesKept += slim.kept().size();
        nativesDropped += slim.dropped().size();
        file(path, 0644, slim.jar());
    }

    private void file(String path, int mode, byte[] content) {
        entries.put(path, new Entry(mode, content, null));
    }

    private void link(String path, String target) {
        entries.put(path, new Entry(0777, null, target));
    }

    private Summary write(Path out) throws IOException {
        TreeMap<String, Boolean> dirs = new TreeMap<>();
        for (String path : entries.keySet()) {
            for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
                dirs.put(path.substring(0, i), true);
            }
        }
        TreeMap<String, Object> all = new TreeMap<>();
        dirs.keySet().forEach(d -> all.put(d + "/", Boolean.TRUE));
        entries.forEach(all::put);
        long bytes = 0;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(buffer, STAMP)) {
            for (Map.Entry<String, Object> e : all.entrySet()) {
                if (e.getValue() instanceof Entry entry) {
                    if (entry.link() != null) {
                        tar.symlink(e.getKey(), entry.link());
                    } else {
                        tar.file(e.getKey(), entry.mode(), entry.content());
                        bytes += entry.content().length;
                    }
                } else {
                    tar.directory(e.getKey(), 0755);
                }
            }
        }
        byte[] archive = buffer.toByteArray();
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(archive);
        }
        int files = (int) entries.values().stream().filter(e -> e.content() != null).count();
        return new Summary(out, sha256(archive), files, bytes, nativesKept, nativesDropped, List.copyOf(jarsSkipped));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Paths of the entries, for tests and the summary. */
    static List<String> paths(Path archive) throws IOException {
        List<String> paths = new ArrayList<>();
        byte[] b = Files.readAllBytes(archive);
        for (int at = 0; at + 512 <= b.length;) {
            if (b[at] == 0) {
                break;
            }
            String name = new String(b, at, 100, StandardCharsets.UTF_8).replace("\0", "");
            String prefix = new String(b, at + 345, 155, StandardCharsets.UTF_8).replace("\0", "");
            long size = Long.parseLong(new String(b, at + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            paths.add(prefix.isEmpty() ? name : prefix + "/" + name);
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
        return paths;
    }
}
