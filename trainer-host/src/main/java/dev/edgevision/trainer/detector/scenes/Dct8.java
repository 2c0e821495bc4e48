package dev.edgevision.trainer.detector.scenes;

/**
 * The orthonormal 8x8 DCT-II that JPEG uses, and its inverse, on a block of 64 values in row-major
 * order, in place. Each 8-point pass splits into sums and differences of mirrored values and uses
 * the symmetries of the cosines, so it takes 22 multiplications instead of 64.
 */
final class Dct8 {
    private static final float C1 = c(1);
    private static final float C2 = c(2);
    private static final float C3 = c(3);
    private static final float C4 = c(4);
    private static final float C5 = c(5);
    private static final float C6 = c(6);
    private static final float C7 = c(7);

    private Dct8() {
    }

    /** cos(k pi / 16) / 2: the basis values (C4 is also the DC factor sqrt(1/8)). */
    private static float c(int k) {
        return (float) (0.5 * Math.cos(k * Math.PI / 16));
    }

    static void forward(float[] block) {
        for (int r = 0; r < 64; r += 8) {
            forward(block, r, 1);
        }
        for (int c = 0; c < 8; c++) {
            forward(block, c, 8);
        }
    }

    static void inverse(float[] block) {
        for (int c = 0; c < 8; c++) {
            inverse(block, c, 8);
        }
        for (int r = 0; r < 64; r += 8) {
            inverse(block, r, 1);
        }
    }

    private static void forward(float[] v, int at, int step) {
        float x0 = v[at];
        float x1 = v[at + step];
        float x2 = v[at + 2 * step];
        float x3 = v[at + 3 * step];
        float x4 = v[at + 4 * step];
        float x5 = v[at + 5 * step];
        float x6 = v[at + 6 * step];
        float x7 = v[at + 7 * step];
        float s0 = x0 + x7;
        float s1 = x1 + x6;
        float s2 = x2 + x5;
        float s3 = x3 + x4;
        float d0 = x0 - x7;
        float d1 = x1 - x6;
        float d2 = x2 - x5;
        float d3 = x3 - x4;
        float a = s0 + s3;
        float b = s1 + s2;
        float e = s0 - s3;
        float f = s1 - s2;
        v[at] = C4 * (a + b);
        v[at + 4 * step] = C4 * (a - b);
        v[at + 2 * step] = C2 * e + C6 * f;
        v[at + 6 * step] = C6 * e - C2 * f;
        v[at + step] = C1 * d0 + C3 * d1 + C5 * d2 + C7 * d3;
        v[at + 3 * step] = C3 * d0 - C7 * d1 - C1 * d2 - C5 * d3;
        v[at + 5 * step] = C5 * d0 - C1 * d1 + C7 * d2 + C3 * d3;
        v[at + 7 * step] = C7 * d0 - C5 * d1 + C3 * d2 - C1 * d3;
    }

    private static void inverse(float[] v, int at, int step) {
        float y0 = v[at];
        float y1 = v[at + step];
        float y2 = v[at + 2 * step];
        float y3 = v[at + 3 * step];
        float y4 = v[at + 4 * step];
        float y5 = v[at + 5 * step];
        float y6 = v[at + 6 * step];
        float y7 = v[at + 7 * step];
        float p = C4 * (y0 + y4);
        float q = C4 * (y0 - y4);
        float r = C2 * y2 + C6 * y6;
        float s = C6 * y2 - C2 * y6;
        float e0 = p + r;
        float e3 = p - r;
        float e1 = q + s;
        float e2 = q - s;
        float o0 = C1 * y1 + C3 * y3 + C5 * y5 + C7 * y7;
        float o1 = C3 * y1 - C7 * y3 - C1 * y5 - C5 * y7;
        float o2 = C5 * y1 - C1 * y3 + C7 * y5 + C3 * y7;
        float o3 = C7 * y1 - C5 * y3 + C3 * y5 - C1 * y7;
        v[at] = e0 + o0;
        v[at + 7 * step] = e0 - o0;
        v[at + step] = e1 + o1;
        v[at + 6 * step] = e1 - o1;
        v[at + 2 * step] = e2 + o2;
        v[at + 5 * step] = e2 - o2;
        v[at + 3 * step] = e3 + o3;
        v[at + 4 * step] = e3 - o3;
    }
}
