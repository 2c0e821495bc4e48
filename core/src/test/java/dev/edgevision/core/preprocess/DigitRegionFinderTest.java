package dev.edgevision.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFixtures;
import dev.edgevision.core.idx.IdxFolder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DigitRegionFinderTest {
    static DigitSet digits;

    @BeforeAll
    static void load() throws Exception {
        digits = IdxFolder.scan(IdxFixtures.bundledDataset()).test().orElseThrow().read();
    }

    static double iou(Region a, Region b) {
        int ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
        int iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
        double inter = (double) ix * iy;
        return inter / (a.width() * a.height() + b.width() * b.height() - inter);
    }

    @Test
    void findsEveryDigitOfAPageOnce() {
        int found = 0;
        int drawn = 0;
        int extra = 0;
        for (int page = 0; page < 10; page++) {
            PaperPage p = new PaperPage(640, 480, 220);
            for (int i = 0; i < 6; i++) {
                p.draw(digits, page * 6 + i, 20 + i * 100, 60 + (i % 2) * 180, 60 + 10 * (i % 3), 40);
            }
            List<Region> regions = new DigitRegionFinder(DigitRegionFinder.Settings.defaults()).find(p.gray, 640, 480);
            drawn += p.truth.size();
            for (Region truth : p.truth) {
                if (regions.stream().anyMatch(r -> iou(r, truth) > 0.5)) {
                    found++;
                }
            }
            extra += Math.max(0, regions.size() - p.truth.size());
        }
        assertTrue(found >= 0.95 * drawn, "found " + found + " of " + drawn);
        assertTrue(extra <= 2, "at most two spurious regions in ten pages, got " + extra);
    }

    @Test
    void blankPaperWithUnevenLightHasNoRegions() {
        PaperPage p = new PaperPage(320, 240, 0);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                p.gray[y * 320 + x] = (byte) (140 + x * 100 / 320);
            }
        }
        assertEquals(List.of(), new DigitRegionFinder(DigitRegionFinder.Settings.defaults()).find(p.gray, 320, 240));
    }

    @Test
    void regionsComeLeftToRight() {
        PaperPage p = new PaperPage(400, 200, 230);
        p.draw(digits, 3, 300, 50, 70, 30);
        p.draw(digits, 4, 30, 50, 70, 30);
        List<Region> regions = new DigitRegionFinder(DigitRegionFinder.Settings.defaults()).find(p.gray, 400, 200);
        assertEquals(2, regions.size(), regions.toString());
        assertTrue(regions.get(0).x() < regions.get(1).x());
    }
}
