package dev.edgevision.trainer.detector.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledDatasetTest {
    @TempDir
    Path dir;

    Path image(Path folder, String name, int w, int h) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR), "png", file.toFile());
        return file;
    }

    Path text(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    static final String KITTI_CAR = "Car 0.00 0 -1.5 10.0 5.0 30.0 25.0 0 0 0 0 0 0 0\n";

    @Test
    void kittiAsDigitsUsesIt() throws Exception {
        image(dir.resolve("images"), "a.png", 64, 48);
        image(dir.resolve("images"), "b.png", 64, 48);
        text(dir.resolve("labels/a.txt"), KITTI_CAR + "DontCare -1 -1 -10 0 0 5 5 -1 -1 -1 -1000 -1000 -1000 -10\n");
        text(dir.resolve("labels/b.txt"), "Pedestrian 0 0 0 1 2 11 40 0 0 0 0 0 0 0 0.9\n");
        LabelledDataset d = LabelledDataset.load(dir);
        assertEquals("kitti", d.format());
        assertEquals(List.of("Car", "Pedestrian"), d.classes());
        assertEquals(List.of(new LabelledBox("Car", 10, 5, 30, 25)), d.images().get(0).boxes(), "DontCare is skipped");
        assertEquals(64, d.images().get(1).width());
    }

    @Test
    void kittisOwnLayout() throws Exception {
        image(dir.resolve("image_2"), "000001.png", 64, 48);
        text(dir.resolve("label_2/000001.txt"), KITTI_CAR);
        assertEquals(1, LabelledDataset.load(dir).images().get(0).boxes().size());
    }

    @Test
    void yoloWithClassNamesAndAnEmptyFileForAnImageWithoutObjects() throws Exception {
        image(dir.resolve("images"), "a.jpg.png", 100, 50);
        image(dir.resolve("images"), "blank.png", 100, 50);
        text(dir.resolve("classes.txt"), "seven\nthree\n");
        text(dir.resolve("labels/a.jpg.txt"), "1 0.5 0.5 0.2 0.4\n");
        text(dir.resolve("labels/blank.txt"), "");
        LabelledDataset d = LabelledDataset.load(dir);
        assertEquals("yolo", d.format());
        assertEquals(List.of("seven", "three"), d.classes());
        LabelledBox box = d.images().get(0).boxes().get(0);
        assertEquals(new LabelledBox("three", 40, 15, 60, 35), box);
        assertEquals(List.of(), d.images().get(1).boxes());
    }

    @Test
    void pascalVoc() throws Exception {
        image(dir.resolve("JPEGImages"), "x.png", 64, 48);
        text(dir.resolve("Annotations/x.xml"), """
                <annotation><size><width>64</width><height>48</height></size>
                  <object><name>dog</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>20</xmax><ymax>30</ymax></bndbox></object>
                </annotation>
                """);
        LabelledDataset d = LabelledDataset.load(dir);
        assertEquals("voc", d.format());
        assertEquals(List.of(new LabelledBox("dog", 1, 2, 20, 30)), d.images().get(0).boxes());
    }

    @Test
    void everyProblemIsListedWithFileAndLine() throws Exception {
        Path images = dir.resolve("images");
        image(images, "outside.png", 64, 48);
        image(images, "unlabelled.png", 64, 48);
        image(images, "empty.png", 64, 48);
        image(images, "short.png", 64, 48);
        text(images.resolve("broken.png"), "not a png at all");
        text(dir.resolve("labels/broken.txt"), KITTI_CAR);
        text(dir.resolve("labels/outside.txt"), KITTI_CAR + "Car 0 0 0 50 10 90 20 0 0 0 0 0 0 0\n");
        text(dir.resolve("labels/empty.txt"), "\n");
        text(dir.resolve("labels/short.txt"), "Car 10 20 30\n");
        text(dir.resolve("labels/orphan.txt"), KITTI_CAR);
        LabelException e = assertThrows(LabelException.class, () -> LabelledDataset.load(dir));
        String m = e.getMessage();
        assertTrue(m.contains("5 labelling problem(s)"), m);
        assertTrue(m.contains("outside.txt:2: box of 'Car' (50.0,10.0 to 90.0,20.0) lies outside the 64x48 image"), m);
        assertTrue(m.contains("unlabelled.png: has no label file"), m);
        assertFalse(m.contains("empty.txt"), "an empty KITTI file is a background image: " + m);
        assertTrue(m.contains("short.txt:1: has 4 fields"), m);
        assertTrue(m.contains("broken.png: is not an image"), m);
        assertTrue(m.contains("orphan.txt: has no image beside it"), m);
    }

    @Test
    void emptyKittiAndVocLabelsAreBackgroundImages() throws Exception {
        Path kitti = dir.resolve("kitti");
        image(kitti.resolve("images"), "car.png", 64, 48);
        image(kitti.resolve("images"), "road.png", 64, 48);
        image(kitti.resolve("images"), "sky.png", 64, 48);
        text(kitti.resolve("labels/car.txt"), KITTI_CAR);
        text(kitti.resolve("labels/road.txt"), "");
        text(kitti.resolve("labels/sky.txt"), "\n\n");
        LabelledDataset k = LabelledDataset.load(kitti);
        assertEquals(List.of(1, 0, 0), k.images().stream().map(i -> i.boxes().size()).toList());
        assertEquals(2, k.backgroundImages());
        assertTrue(k.mostlyBackground());

        Path voc = dir.resolve("voc");
        image(voc.resolve("JPEGImages"), "a.png", 64, 48);
        image(voc.resolve("JPEGImages"), "b.png", 64, 48);
        text(voc.resolve("Annotations/a.xml"), "<annotation><object><name>dog</name><bndbox><xmin>1</xmin>"
                + "<ymin>2</ymin><xmax>20</xmax><ymax>30</ymax></bndbox></object></annotation>");
        text(voc.resolve("Annotations/b.xml"), "<annotation><filename>b.png</filename></annotation>");
        LabelledDataset v = LabelledDataset.load(voc);
        assertEquals(1, v.backgroundImages());
        assertFalse(v.mostlyBackground(), "half is not most");
        assertEquals(List.of("dog"), v.classes());
    }

    @Test
    void yoloProblems() throws Exception {
        image(dir.resolve("images"), "a.png", 64, 48);
        text(dir.resolve("obj.names"), "one\n");
        text(dir.resolve("labels/a.txt"), "3 0.5 0.5 0.1 0.1\n0 1.5 0.5 0.1 0.1\n0 x 0.5 0.1 0.1\n");
        String m = assertThrows(LabelException.class, () -> LabelledDataset.load(dir)).getMessage();
        assertTrue(m.contains("a.txt:1: unknown class id 3; the class list has 1 classes"), m);
        assertTrue(m.contains("a.txt:2: values must be normalised to 0..1"), m);
        assertTrue(m.contains("a.txt:3: expected 'class cx cy w h'"), m);
    }

    @Test
    void unknownLayoutSaysWhatIsExpected() throws Exception {
        Files.createDirectories(dir.resolve("pictures"));
        String m = assertThrows(LabelException.class, () -> LabelledDataset.load(dir)).getMessage();
        assertTrue(m.contains("expected images/ + labels/"), m);
        assertTrue(m.contains("JPEGImages/ + Annotations/"), m);
    }
}
