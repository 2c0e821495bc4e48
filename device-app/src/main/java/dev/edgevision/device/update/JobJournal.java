package dev.edgevision.device.update;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.io.AtomicFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every job the device knows, one file each ({@code <dir>/<id>.json}, owner-only: a job may carry a
 * server token), replaced atomically at every change, so that after a restart in any state the
 * engine finds each job as it last stood. A file that cannot be read is moved aside as
 * {@code .bad} and named in the log, never deleted.
 */
final class JobJournal {
    private static final Logger LOG = LoggerFactory.getLogger(JobJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One job as stored: the request, where it stands, and what the engine needs to go on. */
    record Entry(long order, String id, String source, String url, String sha256, long size, Map<String, String> headers,
            boolean allowDowngrade, Long probationSeconds, JobState state, JobStep step, long done, long total,
            String errorCode, String message, ModelIdentity model, boolean resumed, String installed,
            String replaced) {

        UpdateJob job() {
            return new UpdateJob(id, source, new Artifact(URI.create(url), sha256, size, headers), allowDowngrade,
                    probationSeconds == null ? null : Duration.ofSeconds(probationSeconds));
        }

        JobStatus status() {
            return new JobStatus(id, source, state, step, done, total, errorCode, message, model, resumed);
        }

        Entry with(JobState newState, JobStep newStep, long newDone, long newTotal, String code, String text) {
            return new Entry(order, id, source, url, sha256, size, headers, allowDowngrade, probationSeconds, newState,
                    newStep, newDone, newTotal, code, text, model, resumed, installed, replaced);
        }

        Entry withModel(ModelIdentity identity) {
            return new Entry(order, id, source, url, sha256, size, headers, allowDowngrade, probationSeconds, state,
                    step, done, total, errorCode, message, identity, resumed, installed, replaced);
        }

        Entry withInstalled(String bundle, String replacedBundle) {
            return new Entry(order, id, source, url, sha256, size, headers, allowDowngrade, probationSeconds, state,
                    step, done, total, errorCode, message, model, resumed, bundle, replacedBundle);
        }

        Entry markResumed() {
            return new Entry(order, id, source, url, sha256, size, headers, allowDowngrade, probationSeconds, state,
                    step, done, total, errorCode, message, model, true, installed, replaced);
        }

        static Entry of(long order, UpdateJob job) {
            Artifact a = job.artifact();
            return new Entry(order, job.id(), job.source(), a.url().toString(), a.sha256(), a.size(), a.headers(),
                    job.allowDowngrade(), job.probation() == null ? null : job.probation().toSeconds(),
                    JobState.QUEUED, null, 0, 0, null, "waiting for the jobs before it", null, false, null, null);
        }
    }

    private final Path dir;

    JobJournal(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    void save(Entry entry) throws IOException {
        Path file = dir.resolve(ModelStore.safe(entry.id()) + ".json");
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry);
        AtomicFile.write(file, temp -> {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.write(temp, json);
        });
    }

    /** Every job stored, oldest first. */
    List<Entry> load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                try {
                    entries.add(JSON.readValue(file.toFile(), Entry.class));
                } catch (IOException e) {
                    Path aside = file.resolveSibling(file.getFileName() + ".bad");
                    Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    LOG.error("update journal: {} cannot be read ({}); moved to {}, the job it held is forgotten",
                            file, e.getMessage(), aside.getFileName());
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::order));
        return entries;
    }
}
