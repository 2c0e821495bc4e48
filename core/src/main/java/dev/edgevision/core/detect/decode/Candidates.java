package dev.edgevision.core.detect.decode;

/**
 * Candidate boxes of one frame, before non-maximum suppression, in model-input pixels as corners
 * {@code (x1, y1)}-{@code (x2, y2)}. The arrays are allocated once for the most candidates a
 * decoder can produce and reused frame after frame.
 */
public final class Candidates {
    final float[] x1;
    final float[] y1;
    final float[] x2;
    final float[] y2;
    final float[] score;
    final int[] classId;
    private int count;

    /** Room for {@code capacity} candidates. */
    public Candidates(int capacity) {
        x1 = new float[capacity];
        y1 = new float[capacity];
        x2 = new float[capacity];
        y2 = new float[capacity];
        score = new float[capacity];
        classId = new int[capacity];
    }

    /** Forgets the previous frame's candidates. */
    public void clear() {
        count = 0;
    }

    /** Adds a box given by its centre and size; ignored when full (a decoder never overfills). */
    public void addCentre(double cx, double cy, double w, double h, double boxScore, int boxClass) {
        add(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, boxScore, boxClass);
    }

    /** Adds a box given by its corners. */
    public void add(double left, double top, double right, double bottom, double boxScore, int boxClass) {
        if (count == score.length) {
            return;
        }
        x1[count] = (float) left;
        y1[count] = (float) top;
        x2[count] = (float) right;
        y2[count] = (float) bottom;
        score[count] = (float) boxScore;
        classId[count] = boxClass;
        count++;
    }

    public int count() {
        return count;
    }

    public int capacity() {
        return score.length;
    }

    public float x1(int i) {
        return x1[i];
    }

    public float y1(int i) {
        return y1[i];
    }

    public float x2(int i) {
        return x2[i];
    }

    public float y2(int i) {
        return y2[i];
    }

    public float score(int i) {
        return score[i];
    }

    public int classId(int i) {
        return classId[i];
    }
}
