package dev.edgevision.core.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFolderTest {
    @TempDir
    Path dir;

    @Test
    void findsMnistStyleNames() throws Exception {
        IdxFixtures.writePair(dir, "train", 20, true, 1);
        IdxFixtures.writePair(dir, "t10k", 10, false, 2);
        IdxFolder folder = IdxFolder.scan(dir);
        assertEquals(20, folder.train().read().size());
        assertEquals("t10k", folder.test().orElseThrow().prefix());
        assertEquals(List.of("t10k"), folder.evaluationPairs().stream().map(IdxFolder.Pair::prefix).toList());
    }

    @Test
    void withoutATestSplitEveryPairIsEvaluated() throws Exception {
        IdxFixtures.writePair(dir, "batch-a", 5, true, 1);
        IdxFixtures.writePair(dir, "batch-b", 7, true, 2);
        IdxFolder folder = IdxFolder.scan(dir);
        assertEquals(List.of("batch-a", "batch-b"), folder.evaluationPairs().stream().map(IdxFolder.Pair::prefix).toList());
        DatasetException e = assertThrows(DatasetException.class, folder::train);
        assertTrue(e.getMessage().contains("has no train-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void imagesWithoutLabelsAreNamed() throws Exception {
        IdxFixtures.writePair(dir, "train", 5, true, 1);
        Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFolder.scan(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz: has no label file"), e.getMessage());
    }

    @Test
    void countMismatchIsNamed() throws Exception {
        IdxFixtures.writePair(dir, "train", 5, false, 1);
        Path other = Files.createDirectory(dir.resolve("other"));
        IdxFixtures.writePair(other, "train", 6, false, 1);
        Files.move(other.resolve("train-labels-idx1-ubyte"), dir.resolve("train-labels-idx1-ubyte"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFolder.scan(dir).train().read());
        assertTrue(e.getMessage().contains("holds 5 images but train-labels-idx1-ubyte holds 6 labels"), e.getMessage());
    }

    @Test
    void missingOrEmptyFolderIsExplained() throws Exception {
        DatasetException missing = assertThrows(DatasetException.class, () -> IdxFolder.scan(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("no such folder"), missing.getMessage());
        DatasetException empty = assertThrows(DatasetException.class, () -> IdxFolder.scan(dir));
        assertTrue(empty.getMessage().contains("holds no *-images-idx3-ubyte"), empty.getMessage());
    }
}
