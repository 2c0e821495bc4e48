package dev.edgevision.core.idx;

import static dev.edgevision.core.idx.IdxFixtures.idx;
import static dev.edgevision.core.idx.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    static final byte[] PIXELS = {0, 10, 20, (byte) 255, 1, 2, 3, 4};

    @Test
    void readsPlainAndGzipAlike() throws Exception {
        byte[] content = idx(IdxFile.IMAGES_MAGIC, new int[] {2, 2, 2}, PIXELS);
        IdxFile plain = IdxFile.read(write(dir.resolve("a"), content, false), IdxFile.IMAGES_MAGIC);
        IdxFile gzip = IdxFile.read(write(dir.resolve("b.gz"), content, true), IdxFile.IMAGES_MAGIC);
        assertArrayEquals(new int[] {2, 2, 2}, plain.dims());
        assertArrayEquals(PIXELS, plain.data());
        assertArrayEquals(PIXELS, gzip.data());
        assertEquals(2, gzip.count());
    }

    @Test
    void wrongMagicIsNamed() throws Exception {
        Path file = write(dir.resolve("labels-as-images"), idx(IdxFile.LABELS_MAGIC, new int[] {8}, PIXELS), false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("wrong IDX magic 0x00000801, expected 0x00000803"), e.getMessage());
    }

    @Test
    void truncatedDataSaysHowMuchIsMissing() throws Exception {
        byte[] content = idx(IdxFile.IMAGES_MAGIC, new int[] {2, 2, 2}, PIXELS);
        Path file = write(dir.resolve("cut"), Arrays.copyOf(content, content.length - 3), false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("only 5 bytes follow"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() throws Exception {
        Path file = write(dir.resolve("tiny"), new byte[] {0, 0, 8, 3, 0, 0}, false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
        assertTrue(e.getMessage().contains("ends inside its IDX header"), e.getMessage());
    }

    @Test
    void truncatedGzipIsReported() throws Exception {
        byte[] big = new byte[5000];
        new java.util.Random(1).nextBytes(big);
        Path whole = write(dir.resolve("whole.gz"), idx(IdxFile.IMAGES_MAGIC, new int[] {5, 10, 100}, big), true);
        byte[] gz = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(cut, IdxFile.IMAGES_MAGIC));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void trailingBytesAreRefused() throws Exception {
        byte[] content = idx(IdxFile.IMAGES_MAGIC, new int[] {1, 2, 2}, PIXELS);
        Path file = write(dir.resolve("long"), content, false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
        assertTrue(e.getMessage().contains("data after the 4 bytes"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nothing-here");
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void readsTheBundledSample() throws Exception {
        IdxFolder folder = IdxFolder.scan(IdxFixtures.bundledDataset());
        DigitSet train = folder.train().read();
        DigitSet test = folder.test().orElseThrow().read();
        assertEquals(7500, train.size());
        assertEquals(1500, test.size());
        assertEquals(28, train.rows());
        for (int count : train.classCounts()) {
            assertTrue(count > 600, "every digit is well represented: " + Arrays.toString(train.classCounts()));
        }
    }
}
