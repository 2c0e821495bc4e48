package dev.edgevision.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {
    @TempDir
    Path dir;

    static String ed25519PublicKey() throws Exception {
        return Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()
                .getEncoded());
    }

    @Test
    void acceptsTrustedAndRevokedKeysAndNamesEveryBadLine() throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "# keys\n\nk1 trusted " + ed25519PublicKey() + "\nk0 revoked " + ed25519PublicKey() + "\n");
        assertEquals(List.of(), TrustStoreFile.problems(good));
        TrustStoreFile.install(good, dir.resolve("out/trust-store.txt"));
        assertEquals(Files.readString(good), Files.readString(dir.resolve("out/trust-store.txt")));

        Path bad = dir.resolve("bad.txt");
        String rsa = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic()
                .getEncoded());
        Files.writeString(bad, "k1 trusted " + ed25519PublicKey() + "\nk1 trusted " + ed25519PublicKey()
                + "\nk2 maybe AAAA\nk3 trusted " + rsa + "\nk4 trusted\n");
        List<String> problems = TrustStoreFile.problems(bad);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("line 2") && problems.get(0).contains("twice"), problems.get(0));
        assertTrue(problems.get(1).contains("line 3"), problems.get(1));
        assertTrue(problems.get(2).contains("line 4") && problems.get(2).contains("Ed25519"), problems.get(2));
        assertTrue(problems.get(3).contains("line 5"), problems.get(3));
        Path none = dir.resolve("none.txt");
        Files.writeString(none, "k0 revoked " + ed25519PublicKey() + "\n");
        assertTrue(TrustStoreFile.problems(none).get(0).contains("trusts no key"));
    }
}
