package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation's bundle server: whole file, byte ranges (206), past the end (416), wrong path (404), HTTPS. */
class ArtifactServerTest {
    @TempDir
    Path dir;

    @Test
    void servesTheFileWholeAndInRanges() throws Exception {
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        Path file = Files.write(dir.resolve("b.vbundle"), data);
        HttpClient client = HttpClient.newHttpClient();
        try (ArtifactServer server = ArtifactServer.start(file, data.length, "b.vbundle",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null)) {
            URI url = server.url("127.0.0.1");
            assertTrue(url.toString().matches("http://127\\.0\\.0\\.1:\\d+/bundles/[0-9a-f]{24}/b\\.vbundle"), url.toString());

            HttpResponse<byte[]> whole = client.send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, whole.statusCode());
            assertArrayEquals(data, whole.body());

            HttpResponse<Void> head = client.send(HttpRequest.newBuilder(url).method("HEAD",
                    HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(200, head.statusCode());
            assertEquals("300000", head.headers().firstValue("Content-Length").orElse(""));

            HttpResponse<byte[]> rest = get(client, url, "bytes=100000-");
            assertEquals(206, rest.statusCode());
            assertEquals("bytes 100000-299999/300000", rest.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(data, 100_000, data.length), rest.body());

            HttpResponse<byte[]> middle = get(client, url, "bytes=10-19");
            assertArrayEquals(Arrays.copyOfRange(data, 10, 20), middle.body());
            HttpResponse<byte[]> suffix = get(client, url, "bytes=-5");
            assertArrayEquals(Arrays.copyOfRange(data, data.length - 5, data.length), suffix.body());

            HttpResponse<byte[]> past = get(client, url, "bytes=300000-");
            assertEquals(416, past.statusCode());
            assertEquals("bytes */300000", past.headers().firstValue("Content-Range").orElse(""));

            HttpResponse<byte[]> several = get(client, url, "bytes=0-1,5-6");
            assertEquals(200, several.statusCode(), "several ranges: the whole file");

            URI guessed = URI.create(url.toString().replaceAll("/bundles/[0-9a-f]+/", "/bundles/000/"));
            assertEquals(404, client.send(HttpRequest.newBuilder(guessed).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(405, client.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertTrue(server.bytesSent() >= data.length + 200_000 + 15, "bytes counted: " + server.bytesSent());
        }
    }

    @Test
    void servesOverHttpsWithAKeyStore() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Assumptions.assumeTrue(Files.isExecutable(keytool), "no keytool in " + keytool.getParent());
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "deploy", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "test-pass").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool made a key store");
        byte[] data = "a small bundle".getBytes();
        Path file = Files.write(dir.resolve("b.vbundle"), data);
        SSLContext tls = ArtifactTls.serverContext(store, "test-pass".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            trust.load(in, "test-pass".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
        try (ArtifactServer server = ArtifactServer.start(file, data.length, "b.vbundle",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tls)) {
            URI url = server.url("127.0.0.1");
            assertTrue(url.toString().startsWith("https://"), url.toString());
            HttpResponse<byte[]> got = HttpClient.newBuilder().sslContext(clientTls).build()
                    .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, got.statusCode());
            assertArrayEquals(data, got.body());
        }
    }

    private static HttpResponse<byte[]> get(HttpClient client, URI url, String range) throws Exception {
        return client.send(HttpRequest.newBuilder(url).header("Range", range).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
