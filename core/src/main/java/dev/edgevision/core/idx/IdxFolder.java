package dev.edgevision.core.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of MNIST-format IDX files: {@code PREFIX-images-idx3-ubyte[.gz]} beside
 * {@code PREFIX-labels-idx1-ubyte[.gz]}. MNIST names its splits {@code train} and {@code t10k};
 * the bundled 9k set uses {@code train} and {@code test}.
 */
public final class IdxFolder {
    private static final Pattern IMAGES = Pattern.compile("(.+)-images-idx3-ubyte(\\.gz)?");
    private static final List<String> TEST_PREFIXES = List.of("test", "t10k");

    private final Path folder;
    private final Map<String, Pair> pairs;

    /** One split: its image file and its label file. */
    public record Pair(String prefix, Path images, Path labels) {
        public DigitSet read() throws DatasetException {
            return DigitSet.read(images, labels);
        }
    }

    private IdxFolder(Path folder, Map<String, Pair> pairs) {
        this.folder = folder;
        this.pairs = pairs;
    }

    /** Scans {@code folder} for image/label pairs. */
    public static IdxFolder scan(Path folder) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder, Files.exists(folder)
                    ? "is not a folder; give the folder that holds the IDX files"
                    : "no such folder; give a folder of MNIST-format IDX files (see datasets/mnist-9k)");
        }
        Map<String, Pair> pairs = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = IMAGES.matcher(file.getFileName().toString());
                if (m.matches()) {
                    pairs.put(m.group(1), new Pair(m.group(1), file, labelsFor(folder, m.group(1), file)));
                }
            }
        } catch (IOException e) {
            throw new DatasetException(folder, "cannot list: " + e.getMessage(), e);
        }
        if (pairs.isEmpty()) {
            throw new DatasetException(folder, "holds no *-images-idx3-ubyte[.gz] file; give a folder of"
                    + " MNIST-format IDX files");
        }
        return new IdxFolder(folder, pairs);
    }

    private static Path labelsFor(Path folder, String prefix, Path images) throws DatasetException {
        for (String name : List.of(prefix + "-labels-idx1-ubyte", prefix + "-labels-idx1-ubyte.gz")) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new DatasetException(images, "has no label file beside it (expected " + prefix
                + "-labels-idx1-ubyte or " + prefix + "-labels-idx1-ubyte.gz)");
    }

    public Path folder() {
        return folder;
    }

    /** The training split ({@code train-*}). */
    public Pair train() throws DatasetException {
        Pair pair = pairs.get("train");
        if (pair == null) {
            throw new DatasetException(folder, "has no train-images-idx3-ubyte[.gz]; found only " + pairs.keySet());
        }
        return pair;
    }

    /** The test split ({@code test-*} or MNIST's {@code t10k-*}), if present. */
    public Optional<Pair> test() {
        return TEST_PREFIXES.stream().map(pairs::get).filter(p -> p != null).findFirst();
    }

    /**
     * What {@code evaluate} reads: the test split where there is one, otherwise every pair in the folder.
     */
    public List<Pair> evaluationPairs() {
        return test().map(List::of).orElseGet(() -> new ArrayList<>(pairs.values()));
    }
}
