package dev.edgevision.core.trust;

import dev.edgevision.core.model.FileEntry;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The archive side of verification. Names and kinds come from the zip directory; the manifest and
 * signature are read through it with a size cap; then every entry is read again in file order (as
 * {@link ModelBundle#open} reads it) and must match the directory, each file hashed while it
 * inflates and stopped as soon as it passes the size its manifest declares.
 */
final class ArchiveCheck {
    static final int MAX_MANIFEST_BYTES = 1 << 20;
    static final int MAX_SIGNATURE_BYTES = 4096;
    private final Path bundle;
    private Map<String, ZipDirectory.Entry> entries;

    ArchiveCheck(Path bundle) {
        this.bundle = bundle;
    }

    /** The directory's entries by name, after refusing unsafe names, links and duplicates. */
    Map<String, ZipDirectory.Entry> directory() throws BundleRefusedException {
        List<ZipDirectory.Entry> listed;
        try {
            listed = ZipDirectory.read(bundle);
        } catch (EOFException e) {
            throw refuse(Refusal.NOT_A_BUNDLE, "not a model bundle: " + e.getMessage());
        } catch (IOException e) {
            throw refuse(Refusal.NOT_A_BUNDLE, "not a model bundle: " + e.getMessage()
                    + "; download or copy it again");
        }
        Map<String, ZipDirectory.Entry> byName = new LinkedHashMap<>();
        for (ZipDirectory.Entry e : listed) {
            String problem = nameProblem(e.name());
            if (problem == null && e.link()) {
                problem = "is a symbolic link";
            } else if (problem == null && e.special()) {
                problem = "is not a plain file";
            }
            if (problem != null) {
                throw refuse(Refusal.BAD_ENTRY, "entry '" + printable(e.name()) + "' " + problem
                        + "; bundles hold plain files only: the bundle is refused");
            }
            if (byName.put(e.name(), e) != null) {
                throw refuse(Refusal.BAD_ENTRY, "entry '" + e.name() + "' appears twice; the bundle is refused");
            }
        }
        if (!byName.containsKey(ModelBundle.MANIFEST)) {
            throw refuse(Refusal.NOT_A_BUNDLE, "not a model bundle: the archive has no " + ModelBundle.MANIFEST);
        }
        entries = byName;
        return byName;
    }

    static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "has an empty name";
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return "is an absolute path";
        }
        if (name.contains("\\")) {
            return "has a backslash";
        }
        if (name.contains("..")) {
            return "has '..'";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "has control characters";
        }
        return null;
    }

    /** Reads {@code name} through the zip directory, or null when it is not there; refuses more than {@code cap} bytes. */
    byte[] readSmall(String name, int cap) throws BundleRefusedException {
        if (!entries.containsKey(name)) {
            return null;
        }
        try (ZipFile zip = new ZipFile(bundle.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            byte[] content = in.readNBytes(cap + 1);
            if (content.length > cap) {
                throw refuse(Refusal.TOO_LARGE, name + " is larger than " + cap + " bytes; no bundle's is");
            }
            return content;
        } catch (ZipException | EOFException e) {
            throw refuse(Refusal.NOT_A_BUNDLE, "not a readable zip archive (" + e.getMessage() + "); copy it again");
        } catch (IOException e) {
            throw refuse(Refusal.UNREADABLE, "cannot be read: " + e.getMessage());
        }
    }

    /** Every entry is a listed file, the manifest or its signature, and every listed file is there. */
    void listing(ModelManifest manifest) throws BundleRefusedException {
        long total = 0;
        for (Map.Entry<String, FileEntry> f : manifest.files().entrySet()) {
            if (f.getValue() == null || f.getValue().size() < 0 || f.getValue().sha256() == null) {
                throw refuse(Refusal.BAD_MANIFEST, "the manifest's entry for '" + f.getKey() + "' needs a sha256 and a"
                        + " size of 0 or more");
            }
            total += f.getValue().size();
            if (!entries.containsKey(f.getKey())) {
                throw refuse(Refusal.MISSING_FILE, "manifest lists '" + f.getKey() + "' but the bundle does not contain"
                        + " it; export the bundle again");
            }
        }
        if (total > BundleVerifier.MAX_BUNDLE_BYTES * 4) {
            throw refuse(Refusal.TOO_LARGE, "the manifest declares " + total + " bytes of files, more than any bundle"
                    + " may hold (" + BundleVerifier.MAX_BUNDLE_BYTES * 4 + ")");
        }
        for (ZipDirectory.Entry e : entries.values()) {
            if (!e.directory() && !isMeta(e.name()) && !manifest.files().containsKey(e.name())) {
                throw refuse(Refusal.UNLISTED_FILE, "contains '" + e.name() + "', which the manifest does not list:"
                        + " files were added after the bundle was made, so it is refused");
            }
        }
    }

    /**
     * Reads every entry in file order: each must be one the directory lists, once; the manifest and
     * signature must be the bytes read before; each file must hash to its manifest entry and is
     * refused as soon as it inflates past its declared size.
     */
    void contents(ModelManifest manifest, byte[] manifestBytes, byte[] signatureBytes) throws BundleRefusedException {
        Set<String> seen = new HashSet<>();
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!entries.containsKey(name) || !seen.add(name)) {
                    throw refuse(Refusal.BAD_ENTRY, "entry '" + printable(name) + "' is not one the archive's directory"
                            + " lists (a zip crafted to read differently by different tools); the bundle is refused");
                }
                if (entries.get(name).directory()) {
                    if (zip.read() != -1) {
                        throw refuse(Refusal.BAD_ENTRY, "folder entry '" + name + "' holds data; the bundle is"
                                + " refused");
                    }
                    continue;
                }
                if (isMeta(name)) {
                    byte[] before = ModelBundle.MANIFEST.equals(name) ? manifestBytes : signatureBytes;
                    byte[] now = zip.readNBytes(before.length + 1);
                    if (!Arrays.equals(before, now)) {
                        throw refuse(Refusal.BAD_ENTRY, name + " reads differently through the archive's directory"
                                + " and its entries (a crafted zip); the bundle is refused");
                    }
                    continue;
                }
                hash(zip, name, manifest.files().get(name), buffer);
            }
        } catch (ZipException e) {
            throw refuse(Refusal.HASH_MISMATCH, "damaged inside the archive (" + e.getMessage() + "); copy it again");
        } catch (EOFException e) {
            throw refuse(Refusal.NOT_A_BUNDLE, "the archive ends early (cut short); copy it again");
        } catch (IOException e) {
            throw refuse(Refusal.UNREADABLE, "cannot be read: " + e.getMessage());
        }
        for (String name : entries.keySet()) {
            if (!seen.contains(name)) {
                throw refuse(Refusal.BAD_ENTRY, "entry '" + name + "' is in the archive's directory but not among its"
                        + " entries (a crafted or damaged zip); the bundle is refused");
            }
        }
    }

    private void hash(InputStream in, String name, FileEntry declared, byte[] buffer)
            throws IOException, BundleRefusedException {
        MessageDigest digest = sha256();
        long count = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, declared.size() + 1 - count))) > 0) {
            count += n;
            if (count > declared.size()) {
                throw refuse(Refusal.TOO_LARGE, "'" + name + "' inflates to more than the " + declared.size()
                        + " bytes its manifest declares (a zip bomb, or a modified bundle); reading stopped there");
            }
            digest.update(buffer, 0, n);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (count != declared.size() || !actual.equalsIgnoreCase(declared.sha256())) {
            throw refuse(Refusal.HASH_MISMATCH, "'" + name + "' does not match its sha256 in the manifest ("
                    + declared.sha256() + ", content " + actual + ", " + count + " of " + declared.size()
                    + " bytes): the bundle is corrupt or was modified; copy or export it again");
        }
    }

    private static boolean isMeta(String name) {
        return ModelBundle.MANIFEST.equals(name) || ModelBundle.SIGNATURE.equals(name);
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    BundleRefusedException refuse(Refusal reason, String problem) {
        return new BundleRefusedException(bundle, reason, problem);
    }

    Path bundleForMessages() {
        return bundle;
    }
}
