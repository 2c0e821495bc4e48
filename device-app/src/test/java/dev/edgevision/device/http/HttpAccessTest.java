package dev.edgevision.device.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token and basic auth over HTTP: refusals are 401 with a challenge, the secret never appears in an answer. */
class HttpAccessTest {
    static final String TOKEN = "s3cret-token-0123456789";

    @TempDir
    Path dir;

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenIsNeededEverywhereButHealthAndIsAcceptedAsBearerOrBasicPassword() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        try (RunningService s = RunningService.start(RunningService.section(token.toString(), null, null, null),
                "models/digits.vbundle", HttpServiceTest.CAMERA)) {
            for (String path : new String[] {"/metrics", "/", "/draw", "/stream/desk", "/api/cameras",
                "/snapshot/desk.jpg"}) {
                HttpResponse<String> none = s.get(path);
                assertEquals(401, none.statusCode(), path);
                assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), path);
                assertFalse(none.body().contains(TOKEN));
            }
            assertEquals(401, s.post("/api/read", new byte[] {1, 2}).statusCode(), "the POST needs the token too");
            assertEquals(401, s.get("/metrics", "Authorization", "Bearer " + TOKEN + "x").statusCode());
            assertEquals(401, s.get("/metrics", "Authorization", "Bearer " + TOKEN.substring(1)).statusCode());
            assertEquals(401, s.get("/metrics", "Authorization", "Basic not-base64!").statusCode());
            assertEquals(401, s.get("/metrics", "Authorization", "Digest " + TOKEN).statusCode());

            assertEquals(200, s.get("/metrics", "Authorization", "Bearer " + TOKEN).statusCode());
            assertEquals(200, s.get("/metrics", "Authorization", basic("anyone", TOKEN)).statusCode());
            assertEquals(200, s.get("/health/live").statusCode(), "probes need no secret");
            RunningService.await(() -> HttpServiceTest.status(s, "/health/ready") == 200, "ready");
        }
    }

    @Test
    void basicAuthNeedsTheUserAndThePassword() throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "horse battery staple");
        try (RunningService s = RunningService.start(RunningService.section(null, "viewer", password.toString(), null),
                "models/digits.vbundle", HttpServiceTest.CAMERA)) {
            assertEquals(401, s.get("/").statusCode());
            assertEquals(401, s.get("/", "Authorization", basic("viewer", "horse battery")).statusCode());
            assertEquals(401, s.get("/", "Authorization", basic("admin", "horse battery staple")).statusCode());
            assertEquals(401, s.get("/", "Authorization", "Bearer horse battery staple").statusCode(),
                    "basic mode takes no bearer token");
            assertEquals(200, s.get("/", "Authorization", basic("viewer", "horse battery staple")).statusCode());
        }
    }

    @Test
    void aMissingOrEmptySecretFileStopsTheStartNamingTheKey() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> HttpService.start(
                RunningService.section(dir.resolve("absent").toString(), null, null, null), dir));
        assertTrue(missing.getMessage().startsWith("http.token_file: cannot read"), missing.getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> HttpService.start(
                RunningService.section(null, "u", empty.toString(), null), dir));
        assertTrue(blank.getMessage().contains("http.password_file") && blank.getMessage().contains("is empty"),
                blank.getMessage());
    }

    @Test
    void comparesWithoutAcceptingPrefixesOrOtherSchemes() throws Exception {
        Path token = Files.writeString(dir.resolve("t"), "abc");
        HttpAccess access = HttpAccess.token(token);
        assertTrue(access.allows("Bearer abc"));
        assertTrue(access.allows("bearer abc"));
        assertFalse(access.allows("Bearer ab"));
        assertFalse(access.allows("Bearer abcd"));
        assertFalse(access.allows("Bearer "));
        assertFalse(access.allows((String) null));
        assertFalse(access.allows(basic("u", "ab")));
        assertTrue(HttpAccess.open().allows((String) null));
        assertFalse(access.describe().contains("abc"));
    }
}
