package dev.edgevision.core.trust;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.edgevision.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The highest bundle sequence a device has accepted for each model name. The caller decides when a
 * bundle counts as accepted (a device: once its update job succeeded) and keeps the record, e.g.
 * with {@link #write}: a JSON object of model name to sequence.
 */
public final class AcceptedSequences {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Long> highest;

    private AcceptedSequences(Map<String, Long> highest) {
        this.highest = highest;
    }

    /** Nothing accepted yet. */
    public static AcceptedSequences none() {
        return new AcceptedSequences(Map.of());
    }

    /** Reads what {@link #write} wrote; a missing file is {@link #none()}. */
    public static AcceptedSequences read(Path file) throws IOException {
        try {
            Map<String, Long> map = JSON.readValue(Files.readAllBytes(file), new TypeReference<TreeMap<String, Long>>() {
            });
            if (map == null || map.values().stream().anyMatch(v -> v == null || v < 0)) {
                throw new IOException(file + ": accepted sequences must be a JSON object of model name to a number"
                        + " of 0 or more");
            }
            return new AcceptedSequences(Collections.unmodifiableMap(map));
        } catch (NoSuchFileException e) {
            return none();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": accepted sequences are not readable JSON (" + e.getOriginalMessage()
                    + "); restore the file or remove it to accept any sequence again", e);
        }
    }

    /** Writes the record atomically. */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(new TreeMap<>(highest)));
    }

    /** The highest sequence accepted for {@code modelName}, if any. */
    public OptionalLong highest(String modelName) {
        Long v = highest.get(modelName);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** A copy that also counts {@code sequence} as accepted for {@code modelName} (the highest is kept). */
    public AcceptedSequences with(String modelName, long sequence) {
        Map<String, Long> copy = new TreeMap<>(highest);
        copy.merge(modelName, sequence, Math::max);
        return new AcceptedSequences(Collections.unmodifiableMap(copy));
    }

    /** Model name to highest sequence. */
    public Map<String, Long> asMap() {
        return highest;
    }
}
