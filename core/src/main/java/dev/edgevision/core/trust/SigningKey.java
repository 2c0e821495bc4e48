package dev.edgevision.core.trust;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Ed25519 key pair that signs bundles, with its key id. Its file holds the id, the private key
 * (PKCS#8) and the public key (X.509), base64, one per line; it is created owner-only (0600) and
 * never overwritten. The private key stays on the workstation: devices get {@link #trustLine()}.
 */
public final class SigningKey {
    private static final String HEADER = "# edge vision bundle signing key (Ed25519). SECRET: keep it owner-only and"
            + " off devices; devices get the public line.";
    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Makes a new key pair named {@code keyId} (1-64 letters, digits, '.', '_' or '-'). */
    public static SigningKey generate(String keyId) {
        if (keyId == null || !Ed25519.KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 1-64 letters, digits, '.', '_' or '-', got '"
                    + keyId + "'");
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance(Ed25519.ALGORITHM).generateKeyPair();
            return new SigningKey(keyId, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519 (Java 15 or later has it)", e);
        }
    }

    /** Reads a key file written by {@link #write}; the message names the file and what is wrong. */
    public static SigningKey read(Path file) throws TrustStoreException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TrustStoreException(file, "no such signing key file; make one with 'trainer keys generate'");
        } catch (IOException e) {
            throw new TrustStoreException(file, "cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : lines) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                String[] kv = s.split("\\s+", 2);
                fields.put(kv[0], kv.length == 2 ? kv[1] : "");
            }
        }
        String id = fields.get("key_id");
        if (id == null || !Ed25519.KEY_ID.matcher(id).matches() || !fields.containsKey("private")
                || !fields.containsKey("public")) {
            throw new TrustStoreException(file, "not a signing key file (needs key_id, private and public lines as"
                    + " 'trainer keys generate' writes them); a trust-store line is the public half only");
        }
        try {
            return new SigningKey(id, Ed25519.privateKey(Base64.getDecoder().decode(fields.get("private"))),
                    Ed25519.publicKey(Base64.getDecoder().decode(fields.get("public"))));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new TrustStoreException(file, "the keys in it are not base64 Ed25519 keys; the file is damaged");
        }
    }

    /** Writes the key to a new owner-only file; refuses to replace an existing file. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key file is there already; it is never"
                    + " overwritten: choose another path or remove it yourself");
        } catch (UnsupportedOperationException e) {
            throw new IOException(file + ": this file system cannot make owner-only files; write the key elsewhere");
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            Base64.Encoder b64 = Base64.getEncoder();
            w.write(HEADER + "\nkey_id " + keyId + "\nprivate " + b64.encodeToString(privateKey.getEncoded())
                    + "\npublic " + b64.encodeToString(publicKey.getEncoded()) + "\n");
        }
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The trust-store line that makes devices trust this key. */
    public String trustLine() {
        return new TrustedKey(keyId, false, publicKey).line();
    }

    /** The detached signature over {@code manifest}'s exact bytes. */
    public BundleSignature sign(byte[] manifest) {
        return new BundleSignature(keyId, Ed25519.ALGORITHM, Ed25519.sign(privateKey, manifest));
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
