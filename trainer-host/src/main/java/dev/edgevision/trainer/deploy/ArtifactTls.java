package dev.edgevision.trainer.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS identity of the workstation's bundle server ({@code --https-keystore}): a PKCS#12 (or
 * JKS) key store with the server's key and certificate, whose password comes from the environment,
 * never the command line. Devices must trust the certificate's CA (their JVM's trust store).
 */
public final class ArtifactTls {
    /** The environment variable holding the key store's password. */
    public static final String PASSWORD_VARIABLE = "EDGEVISION_DEPLOY_KEYSTORE_PASSWORD";

    private ArtifactTls() {
    }

    /**
     * A server context from {@code keystore} and {@code password} (may be empty).
     *
     * @throws IOException naming the file and what to check
     */
    public static SSLContext serverContext(Path keystore, char[] password) throws IOException {
        if (!Files.isReadable(keystore)) {
            throw new IOException("--https-keystore: " + keystore + " does not exist or cannot be read; give a PKCS#12"
                    + " file with the server's key and certificate (e.g. from keytool -genkeypair -storetype PKCS12)");
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance(keystore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("--https-keystore: " + keystore + " cannot be opened (" + e.getMessage()
                    + "): check the file and its password (" + PASSWORD_VARIABLE + " or --https-password-file)", e);
        }
    }
}
