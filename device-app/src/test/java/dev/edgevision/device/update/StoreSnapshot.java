package dev.edgevision.device.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file (by sha256) and link (by target) under a folder: what "nothing on disk changed" compares. */
public final class StoreSnapshot {
    private StoreSnapshot() {
    }

    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(key, JobRunner.sha256(p));
                } else {
                    out.put(key, "dir");
                }
            }
        }
        return out;
    }
}
