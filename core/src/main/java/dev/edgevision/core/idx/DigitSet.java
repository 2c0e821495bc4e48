package dev.edgevision.core.idx;

import dev.edgevision.core.frame.PixelBounds;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Labelled grayscale images of equal size, as read from an IDX image/label pair: the images in one
 * array (row-major, one image after another) and one label per image.
 */
public final class DigitSet {
    private final byte[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int cols;
    private final String origin;

    public DigitSet(byte[] pixels, byte[] labels, int rows, int cols, String origin) {
        if (pixels.length != (long) labels.length * rows * cols) {
            throw new IllegalArgumentException("pixels do not match labels x " + rows + "x" + cols);
        }
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
        this.origin = origin;
    }

    /** Reads an image file and its label file, checking that they belong together. */
    public static DigitSet read(Path images, Path labels) throws DatasetException {
        IdxFile imageFile = IdxFile.read(images, IdxFile.IMAGES_MAGIC);
        IdxFile labelFile = IdxFile.read(labels, IdxFile.LABELS_MAGIC);
        if (imageFile.count() != labelFile.count()) {
            throw new DatasetException(images, "holds " + imageFile.count() + " images but " + labels.getFileName()
                    + " holds " + labelFile.count() + " labels; the two files must come from the same set");
        }
        for (int i = 0; i < labelFile.count(); i++) {
            int label = labelFile.data()[i] & 0xFF;
            if (label > 9) {
                throw new DatasetException(labels, "label " + label + " at item " + i + " is not a digit 0-9");
            }
        }
        return new DigitSet(imageFile.data(), labelFile.data(), imageFile.dims()[1], imageFile.dims()[2],
                images.toString());
    }

    /** The sets one after another; they must hold images of one size. */
    public static DigitSet concat(java.util.List<DigitSet> sets) {
        if (sets.size() == 1) {
            return sets.get(0);
        }
        DigitSet first = sets.get(0);
        java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream labels = new java.io.ByteArrayOutputStream();
        StringBuilder origin = new StringBuilder();
        for (DigitSet set : sets) {
            if (set.rows != first.rows || set.cols != first.cols) {
                throw new IllegalArgumentException(set.origin + " holds " + set.rows + "x" + set.cols
                        + " images but " + first.origin + " holds " + first.rows + "x" + first.cols);
            }
            pixels.writeBytes(set.pixels);
            labels.writeBytes(set.labels);
            origin.append(origin.length() == 0 ? "" : " + ").append(set.origin);
        }
        return new DigitSet(pixels.toByteArray(), labels.toByteArray(), first.rows, first.cols, origin.toString());
    }

    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Where the set came from, for reports. */
    public String origin() {
        return origin;
    }

    public int label(int index) {
        return labels[index] & 0xFF;
    }

    /** Pixel value 0..255 of image {@code index}. */
    public int pixel(int index, int row, int col) {
        return pixels[(index * rows + row) * cols + col] & 0xFF;
    }

    /**
     * The tight box around the ink of image {@code index}: pixels at or above {@code threshold}, as
     * {@code {left, top, right, bottom}} inclusive; {@code right} is -1 when the image has no ink.
     */
    public int[] inkBounds(int index, int threshold) {
        int base = index * rows * cols;
        return PixelBounds.of(cols, rows, i -> (pixels[base + i] & 0xFF) >= threshold);
    }

    /** A copy of one image's pixels. */
    public byte[] image(int index) {
        int size = rows * cols;
        return Arrays.copyOfRange(pixels, index * size, (index + 1) * size);
    }

    /** The images at {@code indices}, in that order, as a new set. */
    public DigitSet subset(int[] indices, String name) {
        int size = rows * cols;
        byte[] newPixels = new byte[indices.length * size];
        byte[] newLabels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, newPixels, i * size, size);
            newLabels[i] = labels[indices[i]];
        }
        return new DigitSet(newPixels, newLabels, rows, cols, name);
    }

    /** Number of images of each label 0..9. */
    public int[] classCounts() {
        int[] counts = new int[10];
        for (byte label : labels) {
            counts[label & 0xFF]++;
        }
        return counts;
    }
}
