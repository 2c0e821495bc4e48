package dev.edgevision.core.idx;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
public final class IdxFixtures {
    private IdxFixtures() {
    }

    /** Raw IDX bytes with the given magic, dimensions and data. */
    public static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    public static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /** Writes PREFIX-images/labels files of {@code n} random 28x28 images with labels i % 10. */
    public static void writePair(Path folder, String prefix, int n, boolean gzip, long seed) throws IOException {
        byte[] pixels = new byte[n * 28 * 28];
        new SplittableRandom(seed).nextBytes(pixels);
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
        }
        String ext = gzip ? ".gz" : "";
        write(folder.resolve(prefix + "-images-idx3-ubyte" + ext), idx(IdxFile.IMAGES_MAGIC, new int[] {n, 28, 28}, pixels), gzip);
        write(folder.resolve(prefix + "-labels-idx1-ubyte" + ext), idx(IdxFile.LABELS_MAGIC, new int[] {n}, labels), gzip);
    }

    /** Copies the first {@code n} digits of a real IDX pair into PREFIX-* files in {@code folder}. */
    public static void writeSubset(DigitSet source, int n, Path folder, String prefix) throws IOException {
        byte[] pixels = new byte[n * 28 * 28];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(source.image(i), 0, pixels, i * 784, 784);
            labels[i] = (byte) source.label(i);
        }
        write(folder.resolve(prefix + "-images-idx3-ubyte.gz"), idx(IdxFile.IMAGES_MAGIC, new int[] {n, 28, 28}, pixels), true);
        write(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), idx(IdxFile.LABELS_MAGIC, new int[] {n}, labels), true);
    }

    /** The committed 9k sample (tests run with the module folder as working directory). */
    public static Path bundledDataset() {
        return Path.of("..", "datasets", "mnist-9k");
    }
}
