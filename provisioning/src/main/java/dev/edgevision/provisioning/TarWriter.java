package dev.edgevision.provisioning;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX ustar archive with fixed metadata: owner root:root (0:0), one modification time
 * for every entry, the modes given. The same entries in the same order make the same bytes, which
 * is what a reproducible image overlay needs (GNU tar adds the host's times and names).
 */
final class TarWriter implements AutoCloseable {
    private static final int BLOCK = 512;
    private final OutputStream out;
    private final long mtime;

    TarWriter(OutputStream out, long mtimeSeconds) {
        this.out = out;
        this.mtime = mtimeSeconds;
    }

    void directory(String path, int mode) throws IOException {
        header(path.endsWith("/") ? path : path + "/", 0, mode, '5', "");
    }

    void file(String path, int mode, byte[] content) throws IOException {
        header(path, content.length, mode, '0', "");
        out.write(content);
        int pad = (BLOCK - content.length % BLOCK) % BLOCK;
        out.write(new byte[pad]);
    }

    void symlink(String path, String target) throws IOException {
        header(path, 0, 0777, '2', target);
    }

    private void header(String path, long size, int mode, char type, String link) throws IOException {
        byte[] h = new byte[BLOCK];
        String name = path;
        String prefix = "";
        if (bytes(name).length > 100) {
            int cut = path.lastIndexOf('/', path.length() - 2);
            while (cut > 0 && (bytes(path.substring(cut + 1)).length > 100 || bytes(path.substring(0, cut)).length > 155)) {
                cut = path.lastIndexOf('/', cut - 1);
            }
            if (cut <= 0) {
                throw new ProvisionException("path too long for the overlay archive: " + path);
            }
            prefix = path.substring(0, cut);
            name = path.substring(cut + 1);
        }
        put(h, 0, 100, name);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        put(h, 265, 32, "root");
        put(h, 297, 32, "root");
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        put(h, 345, 155, prefix);
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] checksum = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        out.write(h);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(byte[] h, int at, int length, String value) throws ProvisionException {
        byte[] b = bytes(value);
        if (b.length > length) {
            throw new ProvisionException("overlay archive field too long: " + value);
        }
        System.arraycopy(b, 0, h, at, b.length);
    }

    private static void octal(byte[] h, int at, int length, long value) throws ProvisionException {
        put(h, at, length - 1, String.format("%0" + (length - 1) + "o", value));
    }

    @Override
    public void close() throws IOException {
        out.write(new byte[BLOCK * 2]);
        out.close();
    }
}
