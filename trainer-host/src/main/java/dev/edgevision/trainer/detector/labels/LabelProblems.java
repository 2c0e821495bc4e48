package dev.edgevision.trainer.detector.labels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems found while importing labels, each naming its file and, where there is one, its line.
 * Import goes on to the end so a user sees every problem at once, not one per attempt.
 */
public final class LabelProblems {
    private final List<String> problems = new ArrayList<>();

    /** Records a problem of {@code file} at {@code line} (1-based; 0 for the whole file). */
    public void add(Path file, int line, String problem) {
        problems.add(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> all() {
        return List.copyOf(problems);
    }

    /** Throws when there were problems, listing the first {@code shown} and how many more. */
    public void throwIfAny(Path dataset, int shown) throws LabelException {
        if (problems.isEmpty()) {
            return;
        }
        List<String> first = problems.subList(0, Math.min(shown, problems.size()));
        String more = problems.size() > shown ? "\n  ... and " + (problems.size() - shown) + " more" : "";
        throw new LabelException(dataset + ": " + problems.size() + " labelling problem(s):\n  "
                + String.join("\n  ", first) + more);
    }
}
