package dev.edgevision.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A model bundle read from disk and checked: a zip archive whose {@code manifest.json} lists every
 * other file with its sha256. {@link #open} refuses anything that is not a bundle, whose manifest
 * is incomplete, or whose files do not match their hashes, naming the file and the problem.
 */
public final class ModelBundle {
    /** Name of the manifest inside the archive. */
    public static final String MANIFEST = "manifest.json";
    /** The detached signature over the manifest; {@code dev.edgevision.core.trust.BundleVerifier} checks it. */
    public static final String SIGNATURE = "manifest.sig";
    /** Bundles larger than this are refused before being read into memory. */
    static final long MAX_BUNDLE_BYTES = 1L << 30;

    private final Path path;
    private final ModelManifest manifest;
    private final byte[] manifestBytes;
    private final Map<String, byte[]> files;

    private ModelBundle(Path path, ModelManifest manifest, byte[] manifestBytes, Map<String, byte[]> files) {
        this.path = path;
        this.manifest = manifest;
        this.manifestBytes = manifestBytes;
        this.files = files;
    }

    /** Reads and verifies the bundle at {@code path}. */
    public static ModelBundle open(Path path) throws BundleException {
        Map<String, byte[]> entries = readEntries(path);
        byte[] manifestBytes = entries.remove(MANIFEST);
        if (manifestBytes == null) {
            throw new BundleException(path, "not a model bundle: the archive has no " + MANIFEST);
        }
        ModelManifest manifest = parseManifest(path, manifestBytes);
        List<String> problems = manifest.problems();
        if (!problems.isEmpty()) {
            throw new BundleException(path, "manifest is not usable: " + String.join("; ", problems));
        }
        entries.remove(SIGNATURE);
        verifyFiles(path, manifest, entries);
        return new ModelBundle(path, manifest, manifestBytes, Collections.unmodifiableMap(entries));
    }

    /** Parses a manifest from JSON bytes; {@code source} names where they came from in errors. */
    public static ModelManifest parseManifest(Path source, byte[] json) throws BundleException {
        try {
            return ManifestJson.MAPPER.readValue(json, ModelManifest.class);
        } catch (JsonProcessingException e) {
            throw new BundleException(source, MANIFEST + " is not a valid manifest: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new BundleException(source, "cannot read " + MANIFEST + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> readEntries(Path path) throws BundleException {
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new BundleException(path, "no such file; check the path given as the model bundle");
        } catch (IOException e) {
            throw new BundleException(path, "cannot read: " + e.getMessage(), e);
        }
        if (size > MAX_BUNDLE_BYTES) {
            throw new BundleException(path, "is " + size + " bytes, larger than any model bundle may be ("
                    + MAX_BUNDLE_BYTES + ")");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                    throw new BundleException(path, "entry name '" + name + "' is not allowed in a bundle");
                }
                if (entries.put(name, readAll(zip)) != null) {
                    throw new BundleException(path, "entry '" + name + "' appears twice");
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new BundleException(path, "not a model bundle: not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BundleException(path, "cannot read: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new BundleException(path, "not a model bundle: not a zip archive, or an empty one");
        }
        return entries;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static void verifyFiles(Path path, ModelManifest manifest, Map<String, byte[]> entries)
            throws BundleException {
        for (Map.Entry<String, FileEntry> listed : manifest.files().entrySet()) {
            String name = listed.getKey();
            byte[] content = entries.get(name);
            if (content == null) {
                throw new BundleException(path, "manifest lists '" + name + "' but the bundle does not contain it");
            }
            String actual = Sha256.hex(content);
            if (!actual.equalsIgnoreCase(listed.getValue().sha256())) {
                throw new BundleException(path, "'" + name + "' does not match its sha256 (manifest "
                        + listed.getValue().sha256() + ", content " + actual
                        + "): the bundle is corrupt or was modified; copy or export it again");
            }
        }
        for (String name : entries.keySet()) {
            if (!manifest.files().containsKey(name)) {
                throw new BundleException(path, "contains '" + name + "', which the manifest does not list;"
                        + " the bundle was modified after it was made");
            }
        }
    }

    /** Where the bundle was read from. */
    public Path path() {
        return path;
    }

    /** The verified manifest. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** The ONNX graph's bytes. */
    public byte[] modelBytes() {
        return files.get(manifest.modelFile());
    }

    /** A file of the bundle by its name in the manifest, or {@code null}. */
    public byte[] file(String name) {
        return files.get(name);
    }

    /** SHA-256 of the ONNX graph: what an engine built from this bundle depends on. */
    public String modelSha256() {
        return manifest.files().get(manifest.modelFile()).sha256();
    }

    /** SHA-256 of the manifest, which covers every file through their hashes: the bundle's identity. */
    public String sha256() {
        return Sha256.hex(manifestBytes);
    }
}
