package dev.edgevision.trainer.deploy;

import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bundle a deploy sends: a private copy of the user's file taken at the start (so the bytes
 * served are the bytes hashed, whatever happens to the original meanwhile), checked as a device
 * checks it, with the sha256 and size the job declares. {@link #close} removes the copy.
 *
 * @param source the file the user named
 * @param copy the snapshot that is served
 * @param fileName the name devices see ({@code digits.vbundle})
 * @param sha256 of the whole file, lower-case hex
 * @param size in bytes
 * @param model the manifest's name and version, e.g. {@code digits 1}
 * @param signed whether the bundle carries a signature ({@code manifest.sig}); devices with a trust
 *     store refuse unsigned bundles
 */
public record DeployBundle(Path source, Path copy, String fileName, String sha256, long size, String model,
        boolean signed) implements AutoCloseable {

    /**
     * Snapshots and checks {@code source}.
     *
     * @throws BundleException naming {@code source} when it is missing, not a bundle, or fails its hashes
     */
    public static DeployBundle of(Path source) throws BundleException, IOException {
        if (!Files.exists(source)) {
            throw new BundleException(source, "no such file; give the bundle to deploy with --model"
                    + " (e.g. models/digits.vbundle, or the digits.vbundle a training run wrote)");
        }
        if (!Files.isRegularFile(source)) {
            throw new BundleException(source, "is not a file; --model takes a .vbundle file");
        }
        Path dir = Files.createTempDirectory("edgevision-deploy");
        Path copy = dir.resolve("bundle");
        try {
            String sha;
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            sha = HexFormat.of().formatHex(digest.digest());
            ModelBundle bundle;
            try {
                bundle = ModelBundle.open(copy);
            } catch (BundleException e) {
                String problem = e.getMessage().startsWith(copy + ": ")
                        ? e.getMessage().substring(copy.toString().length() + 2) : e.getMessage();
                throw new BundleException(source, problem + "; devices would refuse it: give a bundle made by"
                        + " 'trainer train', 'train-detector' or 'bundle'");
            }
            String model = bundle.manifest().name() + " " + bundle.manifest().version();
            boolean signed;
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(copy.toFile())) {
                signed = zip.getEntry(ModelBundle.SIGNATURE) != null;
            }
            return new DeployBundle(source, copy, source.getFileName().toString(), sha, Files.size(copy), model,
                    signed);
        } catch (NoSuchFileException e) {
            removeQuietly(copy);
            throw new BundleException(source, "no such file");
        } catch (NoSuchAlgorithmException e) {
            removeQuietly(copy);
            throw new IllegalStateException("this JVM has no SHA-256", e);
        } catch (IOException | BundleException | RuntimeException e) {
            removeQuietly(copy);
            throw e;
        }
    }

    private static void removeQuietly(Path copy) {
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.getParent());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    @Override
    public void close() {
        removeQuietly(copy);
    }
}
