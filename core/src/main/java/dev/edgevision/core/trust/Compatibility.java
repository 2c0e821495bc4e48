package dev.edgevision.core.trust;

import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Requirements;
import dev.edgevision.core.model.Task;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a device can serve, checked against a bundle's manifest before it is installed.
 *
 * @param tasks the tasks the device's software serves
 * @param appVersion the device software's version (dotted numbers); a version that is not numbers
 *     (a development build) meets every minimum
 * @param tensorrtMajor the device's TensorRT major version, or null when it has none
 * @param maxInputPixels the largest input (width times height) the device takes
 */
public record Compatibility(Set<Task> tasks, String appVersion, Integer tensorrtMajor, long maxInputPixels) {
    /** Every task, inputs up to 4096 x 4096. */
    public static Compatibility of(String appVersion, Integer tensorrtMajor) {
        return new Compatibility(EnumSet.allOf(Task.class), appVersion, tensorrtMajor, 4096L * 4096);
    }

    /** Why the bundle cannot run here, each naming what the bundle needs and what the device has; empty when it can. */
    public List<String> problems(ModelManifest manifest) {
        List<String> problems = new ArrayList<>();
        if (!tasks.contains(manifest.task())) {
            problems.add("task '" + manifest.task().wireName() + "' is not served by this device (it serves "
                    + tasks.stream().map(Task::wireName).sorted().toList() + ")");
        }
        checkInput(manifest.input(), problems);
        Requirements r = manifest.requires();
        if (r != null && r.minAppVersion() != null && older(appVersion, r.minAppVersion())) {
            problems.add("the bundle needs device software " + r.minAppVersion() + " or later, this device runs "
                    + appVersion + ": update the device software first");
        }
        if (r != null && r.tensorrtMajor() != null && !r.tensorrtMajor().equals(tensorrtMajor)) {
            problems.add("the bundle carries a TensorRT " + r.tensorrtMajor() + " engine, this device has "
                    + (tensorrtMajor == null ? "no TensorRT" : "TensorRT " + tensorrtMajor)
                    + ": make the bundle without an engine or for this device's TensorRT");
        }
        return problems;
    }

    private void checkInput(InputSpec input, List<String> problems) {
        if (input.dtype() != null && !"float32".equals(input.dtype())) {
            problems.add("input.dtype '" + input.dtype() + "' is not float32, the only input type this device feeds");
        }
        int channels = input.channels();
        if (channels != 1 && channels != 3) {
            problems.add("input has " + channels + " channels; this device feeds 1 (grayscale) or 3 (colour)");
        }
        Integer batch = input.shape().get(0);
        if (batch != null && batch > 1) {
            problems.add("input batch is fixed at " + batch + "; this device runs one frame at a time (batch 1 or"
                    + " dynamic)");
        }
        long pixels = (long) input.width() * input.height();
        if (pixels > maxInputPixels) {
            problems.add("input " + input.width() + "x" + input.height() + " is larger than this device takes ("
                    + maxInputPixels + " pixels)");
        }
    }

    /** Whether dotted-number version {@code have} is older than {@code need}; a non-numeric {@code have} is never older. */
    static boolean older(String have, String need) {
        int[] h = numbers(have);
        int[] n = numbers(need);
        if (h == null || n == null) {
            return false;
        }
        for (int i = 0; i < Math.max(h.length, n.length); i++) {
            int a = i < h.length ? h[i] : 0;
            int b = i < n.length ? n[i] : 0;
            if (a != b) {
                return a < b;
            }
        }
        return false;
    }

    private static int[] numbers(String version) {
        if (version == null) {
            return null;
        }
        String core = version.strip().split("[-+ ]", 2)[0];
        if (!core.matches("\\d+(\\.\\d+)*")) {
            return null;
        }
        String[] parts = core.split("\\.");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].length() > 9 ? "999999999" : parts[i]);
        }
        return out;
    }
}
