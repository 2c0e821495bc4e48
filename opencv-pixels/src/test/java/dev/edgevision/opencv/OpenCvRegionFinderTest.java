package dev.edgevision.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.camera.synthetic.SyntheticScene;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.preprocess.DigitRegionFinder;
import dev.edgevision.core.preprocess.Region;
import dev.edgevision.core.preprocess.RegionFinder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link OpenCvRegionFinder} to the pure-Java {@link DigitRegionFinder} on synthetic digit
 * pages: the same number of regions in the same order, every edge within {@value #EDGE_PIXELS}
 * frame pixels (OpenCV rounds the box average and the local mean where the reference truncates or
 * keeps it exact, and replicates the border where the reference shrinks the window, so a stroke's
 * faint edge pixel can fall on the other side of the threshold), and at least {@value #EXACT_SHARE}
 * of the regions identical. Also times both, alternating, on 640x480 frames.
 */
class OpenCvRegionFinderTest {
    static final int EDGE_PIXELS = 2;
    static final double EXACT_SHARE = 0.9;

    @BeforeAll
    static void natives() {
        assumeTrue(OpenCvRuntime.available(), OpenCvRuntime::problem);
    }

    static byte[][] pages(int width, int height, long seed, int count) {
        SyntheticScene scene = SyntheticScene.fromUri("synthetic://digits?width=" + width + "&height=" + height
                + "&seed=" + seed + "&format=gray");
        byte[][] pages = new byte[count][];
        Frame frame = new Frame();
        for (int i = 0; i < count; i++) {
            scene.render(i + 1, frame);
            pages[i] = Arrays.copyOf(frame.data(), width * height);
        }
        return pages;
    }

    @Test
    void findsTheReferenceRegionsAtEveryScale() {
        int[][] sizes = {{640, 480}, {320, 240}, {1280, 720}, {641, 479}, {200, 300}};
        int total = 0;
        int exact = 0;
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            try (RegionFinder reference = new DigitRegionFinder(DigitRegionFinder.Settings.defaults());
                 RegionFinder candidate = new OpenCvPreprocessing().regionFinder(DigitRegionFinder.Settings.defaults())) {
                byte[][] pages = pages(w, h, 7, 20);
                for (int p = 0; p < pages.length; p++) {
                    List<Region> want = reference.find(pages[p], w, h);
                    List<Region> got = candidate.find(pages[p], w, h);
                    String what = w + "x" + h + " page " + p + ": " + want + " vs " + got;
                    assertEquals(want.size(), got.size(), what);
                    for (int i = 0; i < want.size(); i++) {
                        Region a = want.get(i);
                        Region b = got.get(i);
                        assertTrue(Math.abs(a.x() - b.x()) <= EDGE_PIXELS && Math.abs(a.y() - b.y()) <= EDGE_PIXELS
                                && Math.abs(a.x() + a.width() - b.x() - b.width()) <= EDGE_PIXELS
                                && Math.abs(a.y() + a.height() - b.y() - b.height()) <= EDGE_PIXELS,
                                what + ", region " + i);
                        exact += a.equals(b) ? 1 : 0;
                    }
                    total += want.size();
                }
            }
        }
        assertTrue(total >= 200, "only " + total + " regions in 100 pages");
        assertTrue(exact >= EXACT_SHARE * total, exact + " of " + total + " regions identical");
        System.out.printf(Locale.ROOT, "region finders: %d of %d regions identical%n", exact, total);
    }

    @Test
    void blankAndSolidFramesHaveNoRegions() {
        try (RegionFinder candidate = new OpenCvPreprocessing().regionFinder(DigitRegionFinder.Settings.defaults())) {
            byte[] page = new byte[640 * 480];
            Arrays.fill(page, (byte) 200);
            assertEquals(List.of(), candidate.find(page, 640, 480));
            Arrays.fill(page, (byte) 0);
            assertEquals(List.of(), candidate.find(page, 640, 480));
        }
    }

    /** Median milliseconds per 640x480 frame of each finder, alternating frame by frame in one process. */
    @Test
    void timesBothFindersOn640x480() {
        byte[][] pages = pages(640, 480, 3, 50);
        long[][] nanos = new long[2][300];
        try (RegionFinder reference = new DigitRegionFinder(DigitRegionFinder.Settings.defaults());
             RegionFinder candidate = new OpenCvPreprocessing().regionFinder(DigitRegionFinder.Settings.defaults())) {
            RegionFinder[] finders = {reference, candidate};
            for (int warm = 0; warm < 100; warm++) {
                for (RegionFinder f : finders) {
                    f.find(pages[warm % pages.length], 640, 480);
                }
            }
            int regions = 0;
            for (int i = 0; i < 300; i++) {
                byte[] page = pages[i % pages.length];
                for (int k = 0; k < 2; k++) {
                    RegionFinder f = finders[(i + k) % 2];
                    long t0 = System.nanoTime();
                    regions += f.find(page, 640, 480).size();
                    nanos[(i + k) % 2][i] = System.nanoTime() - t0;
                }
            }
            assertTrue(regions > 300, "the finders found only " + regions + " regions in 600 searches");
        }
        double java = median(nanos[0]);
        double opencv = median(nanos[1]);
        System.out.printf(Locale.ROOT, "region finder, 640x480, median of 300 alternating: java %.3f ms, opencv %.3f ms"
                + " (%.1fx)%n", java, opencv, java / opencv);
        assertTrue(java > 0 && opencv > 0);
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2] / 1e6;
    }
}
