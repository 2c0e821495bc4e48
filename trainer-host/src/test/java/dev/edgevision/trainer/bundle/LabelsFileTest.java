package dev.edgevision.trainer.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class names from text and YOLO yaml files; every problem names the file and the line. */
class LabelsFileTest {
    @TempDir
    Path dir;

    Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    void assertRefused(Path file, String... fragments) {
        ForeignModelException e = assertThrows(ForeignModelException.class, () -> LabelsFile.read(file));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
        }
    }

    @Test
    void oneNamePerLineTrailingBlankLinesAndByteOrderMarkAllowed() throws Exception {
        assertEquals(List.of("person", "traffic light", "dog"),
                LabelsFile.read(write("coco.txt", "\uFEFFperson\n traffic light \ndog\n\n\n")));
    }

    @Test
    void blankLineBetweenNamesIsNamedByLine() throws Exception {
        Path file = write("gap.txt", "cat\ndog\n\nbird\n");
        assertRefused(file, file + ":3: blank line");
    }

    @Test
    void emptyFile() throws Exception {
        Path file = write("empty.txt", "\n  \n");
        assertRefused(file, file + ": holds no class names");
    }

    @Test
    void duplicateNamesNameBothLines() throws Exception {
        Path file = write("twice.txt", "cat\ndog\ncat\n");
        assertRefused(file, file + ":3: 'cat' is already the name on line 1");
    }

    @Test
    void yoloYamlInItsThreeSimpleForms() throws Exception {
        assertEquals(List.of("cat", "dog", "bird"), LabelsFile.read(write("flow.yaml",
                "path: ../data\ntrain: images/train\nnc: 3\nnames: ['cat', dog, \"bird\"]  # three\n")));
        assertEquals(List.of("cat", "dog"), LabelsFile.read(write("list.yaml",
                "names:\n  - cat\n  - dog   # comment\nval: images/val\n")));
        assertEquals(List.of("cat", "dog", "hot dog"), LabelsFile.read(write("map.yml",
                "train: x\nnames:\n  0: cat\n  1: dog\n\n  2: hot dog\ndownload: no\n")));
    }

    @Test
    void yamlProblemsNameTheirLine() throws Exception {
        Path nc = write("nc.yaml", "nc: 4\nnames: [a, b, c]\n");
        assertRefused(nc, nc + ":1: nc is 4 but names (line 2) lists 3 classes");
        Path order = write("order.yaml", "names:\n  0: a\n  2: c\n");
        assertRefused(order, order + ":3: class id 2 where 1 comes next");
        Path missing = write("none.yaml", "train: images\n");
        assertRefused(missing, missing + ": has no top-level 'names:' list");
        Path twice = write("twice.yaml", "names:\n  - a\n  - b\n  - a\n");
        assertRefused(twice, twice + ":4: 'a' is already the name on line 2");
        Path odd = write("odd.yaml", "names: {0: a}\n");
        assertRefused(odd, odd + ":1: names is not a one-line [a, b, ...] list");
    }
}
