package dev.edgevision.core.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys a device trusts bundles from, by key id. A text file, one key a line:
 * {@code KEYID trusted|revoked BASE64}, the key being an X.509 SubjectPublicKeyInfo (as
 * {@code trainer keys generate} prints it); blank lines and lines starting with {@code #} are
 * ignored. A key is rotated by adding the new one and later marking the old one revoked, which
 * keeps its id known so that its bundles are refused as revoked rather than unknown.
 */
public final class TrustStore {
    private final Path source;
    private final Map<String, TrustedKey> keys;

    private TrustStore(Path source, Map<String, TrustedKey> keys) {
        this.source = source;
        this.keys = keys;
    }

    /** A store holding {@code keys} (for tests and tools); {@code source} is named in messages. */
    public static TrustStore of(Path source, Collection<TrustedKey> keys) {
        Map<String, TrustedKey> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k.keyId(), k));
        return new TrustStore(source, java.util.Collections.unmodifiableMap(map));
    }

    /** Reads the trust store at {@code file}; a bad line is refused, naming the file and line. */
    public static TrustStore load(Path file) throws TrustStoreException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TrustStoreException(file, "no such file; set update.trust_store to the file holding the"
                    + " signers' public keys (the lines 'trainer keys generate' prints)");
        } catch (IOException e) {
            throw new TrustStoreException(file, "cannot be read: " + e.getMessage(), e);
        }
        Map<String, TrustedKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            TrustedKey key = parse(file, i + 1, line);
            if (keys.put(key.keyId(), key) != null) {
                throw new TrustStoreException(file, "line " + (i + 1) + ": key id '" + key.keyId()
                        + "' appears twice; keep one line per key (mark a key revoked instead of adding it again)");
            }
        }
        return new TrustStore(file, java.util.Collections.unmodifiableMap(keys));
    }

    private static TrustedKey parse(Path file, int number, String line) throws TrustStoreException {
        String[] parts = line.split("\\s+");
        String where = "line " + number + ": ";
        if (parts.length != 3) {
            throw new TrustStoreException(file, where + "expected 'KEYID trusted|revoked BASE64-PUBLIC-KEY', got "
                    + parts.length + " field(s)");
        }
        if (!Ed25519.KEY_ID.matcher(parts[0]).matches()) {
            throw new TrustStoreException(file, where + "key id '" + parts[0] + "' must be 1-64 letters, digits, '.',"
                    + " '_' or '-'");
        }
        boolean revoked;
        switch (parts[1]) {
            case "trusted" -> revoked = false;
            case "revoked" -> revoked = true;
            default -> throw new TrustStoreException(file, where + "status must be 'trusted' or 'revoked', got '"
                    + parts[1] + "'");
        }
        try {
            return new TrustedKey(parts[0], revoked, Ed25519.publicKey(Base64.getDecoder().decode(parts[2])));
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new TrustStoreException(file, where + "the key of '" + parts[0] + "' is not a base64 Ed25519"
                    + " public key (X.509 SubjectPublicKeyInfo); paste the line 'trainer keys generate' printed");
        }
    }

    /** The key with id {@code keyId}, if the store holds it. */
    public Optional<TrustedKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Every key, in file order. */
    public Collection<TrustedKey> keys() {
        return keys.values();
    }

    /** The file the store was read from. */
    public Path source() {
        return source;
    }
}
