package dev.edgevision.tensorrt.cache;

import dev.edgevision.core.io.AtomicFile;
import dev.edgevision.core.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Serialised engines on disk, one file per {@link EngineCacheKey} ({@code <stem>.engine}), each
 * written atomically and checked on load (header key and payload checksum), with the builder's
 * timing cache and the INT8 calibration cache beside them. A lookup that finds nothing usable says
 * why: never built, damaged, or stale with the fields that changed since the model's last engine
 * (a JetPack upgrade shows as {@code tensorrt 10.3.0 -> 10.7.0}).
 */
public final class EngineCache {
    static final String SUFFIX = ".engine";
    private final Path dir;

    public EngineCache(Path dir) {
        this.dir = dir;
    }

    /** The cache folder. */
    public Path dir() {
        return dir;
    }

    /** The file an engine for {@code key} lives in. */
    public Path engineFile(EngineCacheKey key) {
        return dir.resolve(key.fileStem() + SUFFIX);
    }

    /** The timing cache shared by every model built with this TensorRT on this GPU. */
    public Path timingCache(EngineCacheKey key) {
        String scope = key.tensorrtVersion() + "|" + key.gpuName() + "|" + key.computeCapability();
        return dir.resolve("timing-" + shortHash(scope) + ".cache");
    }

    /** The INT8 calibration cache of this model and calibration set with this TensorRT. */
    public Path calibrationCache(EngineCacheKey key) {
        String scope = key.modelSha256() + "|" + key.calibrationSha256() + "|" + key.tensorrtVersion();
        return dir.resolve("calibration-" + shortHash(scope) + ".cache");
    }

    /** A folder builders may write temporary files into. */
    public Path workDir() {
        return dir.resolve("work");
    }

    /** Finds the engine for {@code key}, checked; a damaged file is removed so that it is rebuilt. */
    public CacheLookup lookup(EngineCacheKey key) {
        Path file = engineFile(key);
        try (InputStream in = Files.newInputStream(file)) {
            EngineHeader header = EngineFile.readHeader(in);
            List<String> changed = key.differencesFrom(header.key());
            if (!changed.isEmpty()) {
                return damaged(file, "it was built for another key (" + String.join(", ", changed) + ")");
            }
            byte[] plan = in.readAllBytes();
            if (plan.length != header.payloadBytes()) {
                return damaged(file, "it holds " + plan.length + " engine bytes, its header says " + header.payloadBytes());
            }
            String sha = Sha256.hex(plan);
            if (!sha.equals(header.payloadSha256())) {
                return damaged(file, "its engine does not match its sha256");
            }
            return new CacheLookup.Hit(plan, header);
        } catch (NoSuchFileException e) {
            return new CacheLookup.Miss(explainMissing(key));
        } catch (IOException e) {
            return damaged(file, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Writes the engine for {@code key} atomically (a reader sees the old file or the new one, never half). */
    public void store(EngineCacheKey key, byte[] plan, String builder, double buildSeconds) throws IOException {
        EngineHeader header = new EngineHeader(key.fields(), Sha256.hex(plan), plan.length, builder, buildSeconds,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Files.createDirectories(dir);
        AtomicFile.write(engineFile(key), temp -> {
            try (var out = Files.newOutputStream(temp)) {
                EngineFile.write(out, header, plan);
            }
        });
    }

    private CacheLookup damaged(Path file, String problem) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            problem += "; it could not be removed either: " + e.getMessage();
        }
        return new CacheLookup.Miss("the cached engine " + file.getFileName() + " is not usable: " + problem
                + "; rebuilding");
    }

    /** Why no engine exists for {@code key}: the closest engine of the same model, and what changed. */
    private String explainMissing(EngineCacheKey key) {
        List<String> best = null;
        Path bestFile = null;
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path other : files) {
                    List<String> changed = changesOf(other, key);
                    if (changed != null && (best == null || changed.size() < best.size())) {
                        best = changed;
                        bestFile = other;
                    }
                }
            } catch (IOException e) {
                return "no engine cached for this model and these settings (the cache folder " + dir
                        + " cannot be listed: " + e.getMessage() + ")";
            }
        }
        if (best == null) {
            return "no engine cached yet for this model (sha256 " + key.modelSha256().substring(0,
                    Math.min(12, key.modelSha256().length())) + ") at " + key.precision().wireName();
        }
        return "the cached engine " + bestFile.getFileName() + " of this model is stale: " + String.join(", ", best);
    }

    /** What differs between {@code file}'s key and {@code key}, or null when it is another model's or unreadable. */
    private static List<String> changesOf(Path file, EngineCacheKey key) {
        try (InputStream in = Files.newInputStream(file)) {
            EngineHeader header = EngineFile.readHeader(in);
            return key.modelSha256().equals(header.key().get("model_sha256")) ? key.differencesFrom(header.key()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String shortHash(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
