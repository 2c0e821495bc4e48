package dev.edgevision.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip archives taken apart and put together again, for tests that tamper with bundles. */
public final class ZipItems {
    /** One entry: its name and content. */
    public record Item(String name, byte[] content) {
    }

    private ZipItems() {
    }

    /** The entries of {@code zip}, in file order. */
    public static List<Item> read(Path zip) throws IOException {
        List<Item> items = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                items.add(new Item(e.getName(), in.readAllBytes()));
            }
        }
        return items;
    }

    /** Writes {@code items} as a zip archive at {@code target}. */
    public static Path write(Path target, List<Item> items) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Item item : items) {
                zip.putNextEntry(new ZipEntry(item.name()));
                zip.write(item.content());
                zip.closeEntry();
            }
        }
        return target;
    }

    /** As {@link #write}, with entry {@code storedName} stored uncompressed (so a flipped byte stays one byte). */
    public static Path writeStored(Path target, List<Item> items, String storedName) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Item item : items) {
                ZipEntry entry = new ZipEntry(item.name());
                if (item.name().equals(storedName)) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(item.content());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(item.content().length);
                    entry.setCompressedSize(item.content().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(item.content());
                zip.closeEntry();
            }
        }
        return target;
    }

    /** The content of entry {@code name}. */
    public static byte[] content(List<Item> items, String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().content();
    }

    /** {@code items} with entry {@code name}'s content replaced (or added at the end). */
    public static List<Item> with(List<Item> items, String name, byte[] content) {
        List<Item> out = new ArrayList<>();
        boolean found = false;
        for (Item i : items) {
            out.add(i.name().equals(name) ? new Item(name, content) : i);
            found |= i.name().equals(name);
        }
        if (!found) {
            out.add(new Item(name, content));
        }
        return out;
    }

    /** {@code items} without entry {@code name}. */
    public static List<Item> without(List<Item> items, String name) {
        return items.stream().filter(i -> !i.name().equals(name)).toList();
    }

    /** Writes {@code items}, entry {@code bombName} replaced by {@code bytes} zeros (which deflate to almost nothing). */
    public static Path writeBomb(Path target, List<Item> items, String bombName, long bytes) throws IOException {
        byte[] zeros = new byte[1 << 20];
        try (OutputStream raw = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Item item : items) {
                zip.putNextEntry(new ZipEntry(item.name()));
                if (item.name().equals(bombName)) {
                    for (long left = bytes; left > 0; left -= zeros.length) {
                        zip.write(zeros, 0, (int) Math.min(zeros.length, left));
                    }
                } else {
                    zip.write(item.content());
                }
                zip.closeEntry();
            }
        }
        return target;
    }

    /** Marks entry {@code name} in the archive's central directory as a Unix symbolic link (mode 0120777). */
    public static void markLink(Path zip, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p + 46 <= bytes.length; p++) {
            if (b.getInt(p) == 0x02014b50 && Short.toUnsignedInt(b.getShort(p + 28)) == wanted.length
                    && java.util.Arrays.equals(bytes, p + 46, p + 46 + wanted.length, wanted, 0, wanted.length)) {
                b.put(p + 5, (byte) 3);
                b.putInt(p + 38, 0120777 << 16);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no directory entry " + name + " in " + zip);
    }

    /** Flips one bit in the middle of entry {@code name}'s data in the archive, leaving the zip structure intact. */
    public static void flipStoredByte(Path zip, String name) throws IOException {
        long compressed;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            compressed = z.getEntry(name).getCompressedSize();
        }
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p + 30 <= bytes.length; p++) {
            if (b.getInt(p) == 0x04034b50 && Short.toUnsignedInt(b.getShort(p + 26)) == wanted.length
                    && java.util.Arrays.equals(bytes, p + 30, p + 30 + wanted.length, wanted, 0, wanted.length)) {
                int data = p + 30 + wanted.length + Short.toUnsignedInt(b.getShort(p + 28));
                bytes[data + (int) (compressed / 2)] ^= 0x04;
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no local entry " + name + " in " + zip);
    }
}
