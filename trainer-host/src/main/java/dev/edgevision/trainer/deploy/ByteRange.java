package dev.edgevision.trainer.deploy;

/**
 * One byte range of an HTTP {@code Range} header ({@code bytes=START-}, {@code bytes=START-END},
 * {@code bytes=-SUFFIX}) resolved against a file's size: first and last byte, both included.
 *
 * @param first first byte served
 * @param last last byte served
 */
record ByteRange(long first, long last) {
    /** What a Range header asks of a file of {@code size} bytes. */
    sealed interface Request permits Whole, Part, Unsatisfiable {
    }

    /** No Range, or one the server may ignore (several ranges, another unit, bad syntax): the whole file. */
    record Whole() implements Request {
    }

    /** A range to send with 206. */
    record Part(ByteRange range) implements Request {
    }

    /** A range wholly past the end: 416. */
    record Unsatisfiable() implements Request {
    }

    long length() {
        return last - first + 1;
    }

    /** Parses {@code header} (may be null) for a file of {@code size} bytes. */
    static Request parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=")) {
            return new Whole();
        }
        String spec = header.substring("bytes=".length()).trim();
        if (spec.contains(",")) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String start = spec.substring(0, dash).trim();
        String end = spec.substring(dash + 1).trim();
        try {
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                if (suffix <= 0 || size == 0) {
                    return new Unsatisfiable();
                }
                return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? size - 1 : Math.min(Long.parseLong(end), size - 1);
            if (first < 0 || (!end.isEmpty() && Long.parseLong(end) < first)) {
                return new Whole();
            }
            if (first >= size) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return new Whole();
        }
    }
}
