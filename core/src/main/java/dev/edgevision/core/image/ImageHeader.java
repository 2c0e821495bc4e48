package dev.edgevision.core.image;

import java.nio.ByteBuffer;

/**
 * What a JPEG, PNG or BMP file says of itself before any pixel is decoded: its size, and whether
 * the file holds all of the image (a JPEG reaches its end-of-image marker after the scan, a PNG its
 * {@code IEND} chunk, an uncompressed BMP all its rows). Read from the file's bytes; nothing is
 * allocated but the record.
 *
 * @param format {@code jpeg}, {@code png} or {@code bmp}
 * @param width columns the header declares
 * @param height rows the header declares
 * @param complete whether the file holds the whole image
 */
public record ImageHeader(String format, long width, long height, boolean complete) {

    /**
     * The header of the image in {@code bytes} from 0 to its limit, or null when they are not a
     * JPEG, PNG or BMP; a header cut off before its size reads as size 0, incomplete.
     */
    public static ImageHeader read(ByteBuffer bytes) {
        int n = bytes.limit();
        if (n >= 3 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8 && u8(bytes, 2) == 0xFF) {
            return jpeg(bytes, n);
        }
        if (n >= 8 && be32(bytes, 0) == 0x89504E47 && be32(bytes, 4) == 0x0D0A1A0A) {
            return png(bytes, n);
        }
        if (n >= 2 && u8(bytes, 0) == 'B' && u8(bytes, 1) == 'M') {
            return bmp(bytes, n);
        }
        return null;
    }

    private static ImageHeader jpeg(ByteBuffer b, int n) {
        long width = 0;
        long height = 0;
        int pos = 2;
        while (pos + 4 <= n && u8(b, pos) == 0xFF) {
            int marker = u8(b, pos + 1);
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                pos += 2;
                continue;
            }
            int end = pos + 2 + u16(b, pos + 2);
            if (marker == 0xD9 || end > n) {
                break;
            }
            boolean frameStart = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frameStart && pos + 9 <= n) {
                height = u16(b, pos + 5);
                width = u16(b, pos + 7);
            }
            if (marker == 0xDA) {
                return new ImageHeader("jpeg", width, height, width > 0 && endsScan(b, end, n));
            }
            pos = end;
        }
        return new ImageHeader("jpeg", width, height, false);
    }

    /** Whether the entropy-coded data from {@code from} reaches an end-of-image marker. */
    private static boolean endsScan(ByteBuffer b, int from, int n) {
        for (int i = from; i + 1 < n; i++) {
            if (b.get(i) == (byte) 0xFF && b.get(i + 1) == (byte) 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static ImageHeader png(ByteBuffer b, int n) {
        if (n < 24) {
            return new ImageHeader("png", 0, 0, false);
        }
        long width = be32(b, 16) & 0xFFFFFFFFL;
        long height = be32(b, 20) & 0xFFFFFFFFL;
        long pos = 8;
        while (pos + 8 <= n) {
            long length = be32(b, (int) pos) & 0xFFFFFFFFL;
            boolean end = be32(b, (int) pos + 4) == 0x49454E44; // IEND
            pos += 12 + length;
            if (end) {
                return new ImageHeader("png", width, height, pos <= n);
            }
        }
        return new ImageHeader("png", width, height, false);
    }

    private static ImageHeader bmp(ByteBuffer b, int n) {
        if (n < 30) {
            return new ImageHeader("bmp", 0, 0, false);
        }
        long offset = le32(b, 10) & 0xFFFFFFFFL;
        long infoSize = le32(b, 14) & 0xFFFFFFFFL;
        long width;
        long height;
        int bits;
        int compression = 0;
        if (infoSize == 12) {
            width = u8(b, 18) | u8(b, 19) << 8;
            height = u8(b, 20) | u8(b, 21) << 8;
            bits = u8(b, 24) | u8(b, 25) << 8;
        } else {
            width = le32(b, 18);
            height = Math.abs((long) le32(b, 22));
            bits = u8(b, 28) | u8(b, 29) << 8;
            compression = n >= 34 ? le32(b, 30) : -1;
        }
        boolean uncompressed = compression == 0 || compression == 3;
        long rowBytes = (width * bits + 31) / 32 * 4;
        boolean complete = compression >= 0 && (!uncompressed || offset + rowBytes * height <= n);
        return new ImageHeader("bmp", width, height, complete);
    }

    private static int u8(ByteBuffer b, int at) {
        return b.get(at) & 0xFF;
    }

    private static int u16(ByteBuffer b, int at) {
        return u8(b, at) << 8 | u8(b, at + 1);
    }

    private static int be32(ByteBuffer b, int at) {
        return u8(b, at) << 24 | u8(b, at + 1) << 16 | u8(b, at + 2) << 8 | u8(b, at + 3);
    }

    private static int le32(ByteBuffer b, int at) {
        return u8(b, at) | u8(b, at + 1) << 8 | u8(b, at + 2) << 16 | u8(b, at + 3) << 24;
    }
}
