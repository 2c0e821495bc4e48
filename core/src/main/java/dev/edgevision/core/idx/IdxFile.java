package dev.edgevision.core.idx;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file as MNIST ships it: a big-endian header (two zero bytes, the element type
 * {@code 0x08} for unsigned bytes, the number of dimensions), one int per dimension, then the data.
 * Gzip is detected from the content, not the name.
 *
 * @param file where it was read from
 * @param dims the dimensions, items first
 * @param data the unsigned bytes, row-major
 */
public record IdxFile(Path file, int[] dims, byte[] data) {
    /** Magic number of an IDX file of images: unsigned bytes, three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of labels: unsigned bytes, one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final long MAX_BYTES = Integer.MAX_VALUE - 64;

    /** Number of items (the first dimension). */
    public int count() {
        return dims[0];
    }

    /** Reads {@code file}, requiring the given magic number. */
    public static IdxFile read(Path file, int expectedMagic) throws DatasetException {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = in.readInt();
            if (magic != expectedMagic) {
                throw new DatasetException(file, String.format(
                        "wrong IDX magic 0x%08X, expected 0x%08X (%s); is this the right file?",
                        magic, expectedMagic, expectedMagic == IMAGES_MAGIC ? "images" : "labels"));
            }
            int[] dims = new int[magic & 0xFF];
            long total = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new DatasetException(file, "negative dimension " + dims[i] + " in the IDX header");
                }
                total *= dims[i];
            }
            if (total > MAX_BYTES) {
                throw new DatasetException(file, "IDX header declares " + total + " bytes, more than can be loaded");
            }
            byte[] data = new byte[(int) total];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                throw new DatasetException(file, "truncated: the header declares " + Arrays.toString(dims)
                        + " (" + data.length + " bytes of data) but only " + read + " bytes follow");
            }
            if (in.read() != -1) {
                throw new DatasetException(file, "has data after the " + data.length
                        + " bytes its header declares; the file is damaged or not IDX");
            }
            return new IdxFile(file, dims, data);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "no such file");
        } catch (EOFException e) {
            throw new DatasetException(file, "truncated: the file ends inside its IDX header");
        } catch (ZipException e) {
            throw new DatasetException(file, "corrupt gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("Unexpected end of ZLIB")
                    ? "truncated gzip file" : "cannot read: " + e.getMessage();
            throw new DatasetException(file, reason, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
