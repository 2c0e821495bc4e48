package dev.edgevision.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The trust store of bundle-signing keys that a device checks updates with ({@code update.trust_store}):
 * a text file, one key per line, {@code KEYID trusted|revoked BASE64}, where BASE64 is the X.509
 * SubjectPublicKeyInfo of an Ed25519 public key; blank lines and {@code #} comments are allowed.
 * Provisioning only checks the user's file line by line and installs it as it is.
 */
public final class TrustStoreFile {
    private TrustStoreFile() {
    }

    /** Every problem of {@code file}, each with its line number; empty when usable. */
    public static List<String> problems(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add("--trust-store " + file + " does not exist");
            return problems;
        }
        Set<String> ids = new HashSet<>();
        int trusted = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1) + ": ";
            String[] f = line.split("\\s+");
            if (f.length != 3 || !(f[1].equals("trusted") || f[1].equals("revoked"))) {
                problems.add(where + "expected 'KEYID trusted|revoked BASE64-PUBLIC-KEY'");
                continue;
            }
            if (!ids.add(f[0])) {
                problems.add(where + "key id " + f[0] + " appears twice");
            }
            try {
                KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(f[2])));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                problems.add(where + "the key of " + f[0] + " is not a base64 X.509 Ed25519 public key");
                continue;
            }
            if (f[1].equals("trusted")) {
                trusted++;
            }
        }
        if (problems.isEmpty() && trusted == 0) {
            problems.add(file + " trusts no key: a device could accept no signed bundle");
        }
        return problems;
    }

    /** Checks {@code from} and copies it to {@code to} (0644: public keys only). */
    public static void install(Path from, Path to) throws IOException {
        List<String> problems = problems(from);
        if (!problems.isEmpty()) {
            throw new ProvisionException(String.join("\n", problems));
        }
        Pem.write(to, Files.readString(from, StandardCharsets.UTF_8), Pem.PUBLIC);
    }
}
