package dev.edgevision.device.update;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's installed models: {@code <root>/<name>-<sha12>/model.vbundle} per version, with
 * {@code current} and {@code previous} links naming the version served and the one before. A link
 * is replaced by writing a new link beside it and renaming it over the old one, with the folder
 * synced before and after, so after a power cut either link names a complete, verified version.
 * Downloads go to {@code <root>/staging/} first.
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    /** The bundle's file name inside a version's folder. */
    public static final String BUNDLE = "model.vbundle";
    static final String CURRENT = "current";
    static final String PREVIOUS = "previous";
    static final String STAGING = "staging";

    private final Path root;

    private ModelStore(Path root) {
        this.root = root;
    }

    /** Opens (creating) the store at {@code root}; the message names the folder when it cannot be used. */
    public static ModelStore open(Path root) throws IOException {
        try {
            Files.createDirectories(root.resolve(STAGING));
        } catch (IOException e) {
            throw new IOException("model store " + root + " cannot be created: " + e.getMessage()
                    + "; set update.store to a writable folder", e);
        }
        return new ModelStore(root);
    }

    public Path root() {
        return root;
    }

    /** Where a job's download is kept while it is under way. */
    public Path staging(String jobId) {
        return root.resolve(STAGING).resolve(safe(jobId) + ".part");
    }

    /** The bundle served now, if a version was ever activated here. */
    public Optional<Path> current() {
        return resolve(CURRENT);
    }

    /** The bundle served before the current one, if any. */
    public Optional<Path> previous() {
        return resolve(PREVIOUS);
    }

    private Optional<Path> resolve(String link) {
        Path l = root.resolve(link);
        if (!Files.isSymbolicLink(l)) {
            return Optional.empty();
        }
        try {
            Path bundle = root.resolve(Files.readSymbolicLink(l)).resolve(BUNDLE);
            return Files.isRegularFile(bundle) ? Optional.of(bundle) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("model store: link {} cannot be read: {}", l, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Moves a verified download into its version folder (named by model name and hash) and returns
     * the bundle's path there; a version already installed is kept as it is.
     */
    public Path install(Path staged, String modelName, String sha256) throws IOException {
        Path version = root.resolve(versionName(modelName, sha256));
        Path bundle = version.resolve(BUNDLE);
        if (Files.isRegularFile(bundle)) {
            Files.deleteIfExists(staged);
            return bundle;
        }
        Files.createDirectories(version);
        sync(staged);
        Files.move(staged, bundle, StandardCopyOption.ATOMIC_MOVE);
        syncDir(version);
        syncDir(root);
        return bundle;
    }

    /** Makes {@code bundle}'s version current; the version current until now becomes previous. */
    public void activate(Path bundle) throws IOException {
        Path version = bundle.getParent().getFileName();
        Optional<Path> was = current();
        if (was.isPresent() && was.get().getParent().getFileName().equals(version)) {
            return;
        }
        if (was.isPresent()) {
            relink(PREVIOUS, was.get().getParent().getFileName());
        }
        relink(CURRENT, version);
    }

    /** Makes the previous version current again (and the failed one previous); false when there is none. */
    public boolean rollBack() throws IOException {
        Optional<Path> before = previous();
        Optional<Path> now = current();
        if (before.isEmpty()) {
            return false;
        }
        Path back = before.get().getParent().getFileName();
        if (now.isPresent()) {
            relink(PREVIOUS, now.get().getParent().getFileName());
        }
        relink(CURRENT, back);
        return true;
    }

    /** Deletes every version but current and previous, and staged files of jobs not in {@code activeJobs}. */
    public void collectGarbage(Set<String> activeJobs) throws IOException {
        Set<Path> keep = new java.util.HashSet<>();
        current().ifPresent(p -> keep.add(p.getParent().getFileName()));
        previous().ifPresent(p -> keep.add(p.getParent().getFileName()));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(STAGING) || name.equals(CURRENT) || name.equals(PREVIOUS) || name.startsWith(".")
                        || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) || keep.contains(entry.getFileName())) {
                    continue;
                }
                deleteTree(entry);
                LOG.info("model store: removed old version {}", name);
            }
        }
        Set<String> parts = activeJobs.stream().map(j -> safe(j) + ".part").collect(java.util.stream.Collectors.toSet());
        try (DirectoryStream<Path> staged = Files.newDirectoryStream(root.resolve(STAGING))) {
            for (Path p : staged) {
                if (!parts.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Bytes free for downloads where the store is. */
    public long usableSpace() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    static String versionName(String modelName, String sha256) {
        return safe(modelName) + "-" + sha256.substring(0, Math.min(12, sha256.length())).toLowerCase(Locale.ROOT);
    }

    /** A name made safe as one path element: letters, digits, '.', '_' and '-' only. */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private void relink(String link, Path version) throws IOException {
        Path temp = root.resolve("." + link + ".new");
        Files.deleteIfExists(temp);
        Files.createSymbolicLink(temp, version);
        syncDir(root);
        Files.move(temp, root.resolve(link), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDir(root);
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void syncDir(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("model store: cannot sync folder {}: {}", dir, e.toString());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
