package dev.edgevision.core.model;

import java.io.IOException;
import java.io.OutputStream;
import dev.edgevision.core.io.AtomicFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a model bundle: fills the manifest's {@code files} with the hash of every added file,
 * then writes the archive to a temporary file beside the target and moves it into place, so a
 * reader never sees half a bundle and an existing bundle survives a failed write.
 */
public final class BundleWriter {
    /** Entry times are fixed (1980-01-01) so the same content gives the same archive bytes. */
    private static final long FIXED_ENTRY_TIME = 315_532_800_000L;
    private final ModelManifest manifest;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** Starts a bundle for {@code manifest}; its {@code files} map is replaced on write. */
    public BundleWriter(ModelManifest manifest) {
        this.manifest = manifest;
    }

    /** Adds a file under {@code name} (for example the ONNX graph under the manifest's model_file). */
    public BundleWriter add(String name, byte[] content) {
        if (ModelBundle.MANIFEST.equals(name) || ModelBundle.SIGNATURE.equals(name)) {
            throw new IllegalArgumentException(name + " is reserved inside a bundle");
        }
        files.put(name, content.clone());
        return this;
    }

    /** The manifest as it will be written, with hashes of the files added so far. */
    public ModelManifest manifest() {
        Map<String, FileEntry> entries = new TreeMap<>();
        files.forEach((name, content) -> entries.put(name, new FileEntry(Sha256.hex(content), content.length)));
        return manifest.withFiles(entries);
    }

    /** Writes the bundle atomically to {@code target} and returns the manifest written. */
    public ModelManifest write(Path target) throws IOException {
        return write(target, null);
    }

    /**
     * As {@link #write(Path)}, with a detached signature: {@code signature} is given the manifest's
     * exact bytes and returns the content of {@link ModelBundle#SIGNATURE}, written right after the manifest.
     */
    public ModelManifest write(Path target, UnaryOperator<byte[]> signature) throws IOException {
        ModelManifest complete = manifest();
        var problems = complete.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to write an unusable bundle: " + String.join("; ", problems));
        }
        AtomicFile.write(target, temp -> {
            try (OutputStream raw = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(raw)) {
                byte[] manifestBytes = ManifestJson.MAPPER.writeValueAsBytes(complete);
                put(zip, ModelBundle.MANIFEST, manifestBytes);
                if (signature != null) {
                    put(zip, ModelBundle.SIGNATURE, signature.apply(manifestBytes));
                }
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    put(zip, file.getKey(), file.getValue());
                }
            }
        });
        return complete;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
