package dev.edgevision.device.http;

import com.sun.net.httpserver.HttpExchange;
import dev.edgevision.core.io.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Who may use the server: anyone (no secret configured), the holder of a bearer token, or a
 * basic-auth user. Secrets are read from files once, kept only as SHA-256 digests and compared in
 * constant time; they never reach a log or a response (they are registered with {@link Redaction}). With a token, browsers may also send it as
 * the basic-auth password (any user name), so the pages work from the browser's login prompt.
 */
final class HttpAccess {
    static final String REALM = "edgevision";

    private final String user;
    private final byte[] secretDigest;

    private HttpAccess(String user, byte[] secretDigest) {
        this.user = user;
        this.secretDigest = secretDigest;
    }

    /** Everyone is let in. */
    static HttpAccess open() {
        return new HttpAccess(null, null);
    }

    /** Requests must carry the token read from {@code tokenFile}. */
    static HttpAccess token(Path tokenFile) {
        return new HttpAccess(null, digest(readSecret(tokenFile, "http.token_file")));
    }

    /** Requests must carry {@code user} and the password read from {@code passwordFile}. */
    static HttpAccess basic(String user, Path passwordFile) {
        return new HttpAccess(user, digest(readSecret(passwordFile, "http.password_file")));
    }

    /** Whether a secret is asked for at all. */
    boolean required() {
        return secretDigest != null;
    }

    /** What the configuration asks for, for the start-up log (no secret). */
    String describe() {
        return secretDigest == null ? "no authentication" : user == null ? "bearer token (or basic auth with the"
                + " token as password)" : "basic auth for user '" + user + "'";
    }

    /** Whether {@code exchange} may proceed. */
    boolean allows(HttpExchange exchange) {
        return allows(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    boolean allows(String authorization) {
        if (secretDigest == null) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        if (user == null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(authorization.substring(7).trim());
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userOk = user == null || MessageDigest.isEqual(digest(user), digest(decoded.substring(0, colon)));
        boolean secretOk = matches(decoded.substring(colon + 1));
        return userOk & secretOk;
    }

    /** Answers 401 with the challenge browsers show as a login prompt. */
    void refuse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        Responses.json(exchange, 401, "{\"error\":\"unauthorized\",\"message\":\"this server needs "
                + (user == null ? "the bearer token (Authorization: Bearer ...) or basic auth with the token as password"
                : "basic auth") + "\"}");
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(secretDigest, digest(presented));
    }

    private static String readSecret(Path file, String key) {
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(key + ": cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "): give a readable file holding the secret");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException(key + ": " + file + " is empty: write the secret in it");
        }
        Redaction.register(secret);
        return secret;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
