package dev.edgevision.core.idx;

import java.nio.file.Path;

/** A dataset file or folder that cannot be used; the message names it and the problem. */
public class DatasetException extends Exception {
    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
