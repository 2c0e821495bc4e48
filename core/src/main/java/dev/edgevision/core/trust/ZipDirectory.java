package dev.edgevision.core.trust;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a zip archive, read by hand because the JDK's zip classes do not show
 * an entry's Unix file type (which is how a zip stores a symbolic link). Zip64 archives are not
 * read: no bundle needs one.
 */
final class ZipDirectory {
    private static final int EOCD = 0x06054b50;
    private static final int HEADER = 0x02014b50;
    private static final int EOCD_SIZE = 22;
    private static final int UNIX = 3;
    private static final int TYPE_MASK = 0170000;
    private static final int LINK = 0120000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;

    /** An entry as the directory lists it; {@code special} is a Unix type other than a file or folder (link, device). */
    record Entry(String name, boolean link, boolean special, boolean directory, long size) {
    }

    private ZipDirectory() {
    }

    /** The entries, in directory order; an IOException's message says why the file is not a readable archive. */
    static List<Entry> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, EOCD_SIZE + 0xFFFF);
            ByteBuffer end = read(ch, size - tail, tail);
            int at = -1;
            for (int i = tail - EOCD_SIZE; i >= 0; i--) {
                if (end.getInt(i) == EOCD && i + EOCD_SIZE + Short.toUnsignedInt(end.getShort(i + 20)) == tail) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw new IOException("no zip directory at the end of the file (cut short, or not a zip archive)");
            }
            int count = Short.toUnsignedInt(end.getShort(at + 10));
            long dirSize = Integer.toUnsignedLong(end.getInt(at + 12));
            long dirOffset = Integer.toUnsignedLong(end.getInt(at + 16));
            if (count == 0xFFFF || dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL) {
                throw new IOException("a zip64 archive; bundles are plain zip archives");
            }
            if (dirOffset + dirSize > size - tail + at) {
                throw new IOException("the zip directory points past the end of the file (cut short?)");
            }
            return entries(read(ch, dirOffset, (int) dirSize), count);
        }
    }

    private static List<Entry> entries(ByteBuffer dir, int count) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int p = 0;
        for (int n = 0; n < count; n++) {
            if (p + 46 > dir.limit() || dir.getInt(p) != HEADER) {
                throw new IOException("the zip directory is damaged at entry " + (n + 1));
            }
            int madeBy = Short.toUnsignedInt(dir.getShort(p + 4)) >> 8;
            long size = Integer.toUnsignedLong(dir.getInt(p + 24));
            int nameLength = Short.toUnsignedInt(dir.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(dir.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(dir.getShort(p + 32));
            int external = dir.getInt(p + 38);
            if (p + 46 + nameLength > dir.limit()) {
                throw new IOException("the zip directory is damaged at entry " + (n + 1));
            }
            byte[] name = new byte[nameLength];
            dir.get(p + 46, name);
            int type = madeBy == UNIX ? (external >>> 16) & TYPE_MASK : 0;
            String text = new String(name, StandardCharsets.UTF_8);
            boolean directory = type == DIRECTORY || text.endsWith("/");
            entries.add(new Entry(text, type == LINK, type != 0 && type != REGULAR && type != DIRECTORY && type != LINK,
                    directory, size));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the file ends inside its zip directory (cut short)");
            }
        }
        return buffer.flip();
    }
}
