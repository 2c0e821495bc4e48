package dev.edgevision.tensorrt.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The cache file format: the 8 bytes {@code EVENGINE}, a big-endian 32-bit header length, the
 * header as UTF-8 JSON ({@link EngineHeader}, snake_case), then the serialised engine.
 */
final class EngineFile {
    static final byte[] MAGIC = "EVENGINE".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private EngineFile() {
    }

    static void write(OutputStream out, EngineHeader header, byte[] payload) throws IOException {
        byte[] json = JSON.writeValueAsBytes(header);
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(json.length);
        data.write(json);
        data.write(payload);
        data.flush();
    }

    /** Reads the header and leaves {@code in} at the first byte of the engine. */
    static EngineHeader readHeader(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an engine cache file (no EVENGINE header)");
        }
        int length = data.readInt();
        if (length <= 0 || length > MAX_HEADER) {
            throw new IOException("header length " + length + " is out of range");
        }
        byte[] json = new byte[length];
        data.readFully(json);
        return JSON.readValue(json, EngineHeader.class);
    }
}
