package dev.edgevision.device.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an artifact over HTTP(S) into a staging file, resuming with a Range request from what
 * the file already holds: after a body cut short, after a restart. A server that ignores Range
 * (200) is read from the start again; 416 means the file is complete or must start over. At most
 * {@code attempts} tries, with doubling pauses; more bytes than the artifact declares are refused.
 * Redirects are followed here rather than by the client, so that the job's headers (a hawkBit
 * token) never go to another host: the engine's client follows none.
 */
final class HttpDownload implements Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDownload.class);
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final int attempts;
    private final Duration firstPause;

    HttpDownload(HttpClient client, int attempts, Duration firstPause) {
        this.client = client;
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    @Override
    public void fetch(UpdateJob job, Path part, Progress progress, BooleanSupplier canceled) throws UpdateException {
        Artifact artifact = job.artifact();
        Duration pause = firstPause;
        String last = "no attempt made";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (canceled.getAsBoolean()) {
                throw UpdateException.failed("canceled", "the job was canceled during the download");
            }
            try {
                if (once(artifact, part, progress, canceled)) {
                    return;
                }
                last = "the server sent " + size(part) + " of " + artifact.size() + " bytes";
            } catch (IOException e) {
                last = e.getMessage() == null ? e.toString() : e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw UpdateException.failed("interrupted", "the device is stopping");
            }
            LOG.info("update: download of {} attempt {} of {}: {}; resuming from byte {} in {} ms",
                    artifact.shownUrl(), attempt, attempts, last, size(part), pause.toMillis());
            sleep(pause);
            pause = pause.multipliedBy(2);
        }
        throw UpdateException.failed("download_failed", "could not download " + artifact.shownUrl() + " in "
                + attempts + " attempts: " + last + "; check that the device reaches the server");
    }

    /** One request; true when the staging file holds the whole artifact after it. */
    private boolean once(Artifact artifact, Path part, Progress progress, BooleanSupplier canceled)
            throws IOException, InterruptedException, UpdateException {
        long have = size(part);
        if (have > artifact.size()) {
            Files.deleteIfExists(part);
            have = 0;
        }
        if (have == artifact.size()) {
            return true;
        }
        HttpResponse<InputStream> response = follow(artifact, have);
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status == 416) {
                Files.deleteIfExists(part);
                throw new IOException("the server refused the range from byte " + have + " (416); starting over");
            }
            if (status == 401 || status == 403 || status == 404 || status == 410) {
                throw UpdateException.failed("download_refused", "the server answered " + status + " for "
                        + artifact.shownUrl() + (status == 404 || status == 410 ? ": the artifact is not there"
                        : ": the device is not allowed to fetch it (check its token)"));
            }
            if (status != 200 && status != 206) {
                throw new IOException("the server answered " + status);
            }
            boolean append = status == 206 && have > 0 && rangeStartsAt(response, have);
            long written = append ? have : 0;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[64 * 1024];
                long reported = written;
                int n;
                while ((n = body.read(buffer)) > 0) {
                    if (written + n > artifact.size()) {
                        Files.deleteIfExists(part);
                        throw UpdateException.rejected("too_large", artifact.shownUrl() + " sends more than the "
                                + artifact.size() + " bytes the job declares");
                    }
                    out.write(buffer, 0, n);
                    written += n;
                    if (written - reported >= artifact.size() / 100 + 1) {
                        progress.at(written, artifact.size());
                        reported = written;
                    }
                    if (canceled.getAsBoolean()) {
                        throw UpdateException.failed("canceled", "the job was canceled during the download");
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw UpdateException.failed("interrupted", "the device is stopping");
                    }
                }
            }
            progress.at(written, artifact.size());
            return written == artifact.size();
        }
    }

    /**
     * Sends the request, following up to {@value #MAX_REDIRECTS} redirects itself: the job's headers
     * (a token) go only to the artifact's own scheme, host and port, and https never falls back to http.
     */
    private HttpResponse<InputStream> follow(Artifact artifact, long have) throws IOException, InterruptedException {
        URI target = artifact.url();
        Map<String, String> headers = artifact.headers();
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).GET();
            headers.forEach(request::header);
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return response;
            }
            response.body().close();
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null || hop == MAX_REDIRECTS) {
                throw new IOException("the server answered " + status + (location == null ? " without a Location"
                        : " more than " + MAX_REDIRECTS + " times") + " for " + artifact.shownUrl());
            }
            URI next = target.resolve(location);
            if ("https".equals(target.getScheme()) && !"https".equals(next.getScheme())) {
                throw new IOException("the server redirects " + artifact.shownUrl() + " from https to "
                        + next.getScheme() + "; refused");
            }
            if (!sameOrigin(target, next)) {
                headers = Map.of();
            }
            target = next;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return java.util.Objects.equals(a.getScheme(), b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static boolean rangeStartsAt(HttpResponse<?> response, long offset) {
        String range = response.headers().firstValue("Content-Range").orElse("");
        return range.startsWith("bytes " + offset + "-");
    }

    private static long size(Path part) {
        try {
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sleep(Duration pause) throws UpdateException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UpdateException.failed("interrupted", "the device is stopping");
        }
    }
}
