package dev.edgevision.device.pipeline;

import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.opencv.OpenCvPreprocessing;
import dev.edgevision.opencv.OpenCvRuntime;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the frame loop's pixel work (pre-processing and the classifier path's region finder) once per process, like the backend, by capability: OpenCV
 * when its natives load, else the pure-Java reference, and logs the choice with its reason. The
 * system property {@code edgevision.preprocess} (or {@code EDGEVISION_PREPROCESS}) can ask for
 * {@code auto} (the default), {@code opencv} or {@code java}.
 */
public final class PreprocessingSelector {
    private static final Logger LOG = LoggerFactory.getLogger(PreprocessingSelector.class);
    private static Selection selected;

    /**
     * The pixel work chosen and why.
     *
     * @param preprocessing the implementation the detectors use
     * @param reason why it was chosen, e.g. "OpenCV 4.13.0 natives loaded for linux-x86_64"
     */
    public record Selection(Preprocessing preprocessing, String reason) {
    }

    private PreprocessingSelector() {
    }

    /** The choice of this process, made (and logged) on first use from the property or environment. */
    public static synchronized Selection selected() {
        if (selected == null) {
            String asked = System.getProperty("edgevision.preprocess", System.getenv("EDGEVISION_PREPROCESS"));
            choose(asked == null ? "auto" : asked);
        }
        return selected;
    }

    /**
     * Makes the choice for this process before any detector opens (the bench's {@code --preprocess}).
     *
     * @throws IllegalArgumentException when {@code asked} is not auto, opencv or java, or opencv was
     *     asked for and does not load (naming why)
     */
    public static synchronized Selection choose(String asked) {
        selected = select(asked);
        LOG.info("pre-processing {}: {}", selected.preprocessing().name(), selected.reason());
        return selected;
    }

    static Selection select(String asked) {
        String a = asked.trim().toLowerCase(Locale.ROOT);
        switch (a) {
            case "java":
                return new Selection(Preprocessing.java(), "asked for (edgevision.preprocess=java)");
            case "opencv":
                if (!OpenCvRuntime.available()) {
                    throw new IllegalArgumentException("pre-processing 'opencv' was asked for but cannot run here: "
                            + OpenCvRuntime.problem());
                }
                return new Selection(new OpenCvPreprocessing(), "asked for; OpenCV " + OpenCvRuntime.version()
                        + " natives loaded");
            case "auto":
                if (OpenCvRuntime.available()) {
                    return new Selection(new OpenCvPreprocessing(), "OpenCV " + OpenCvRuntime.version()
                            + " natives loaded");
                }
                return new Selection(Preprocessing.java(), "pure-Java fallback: " + OpenCvRuntime.problem());
            default:
                throw new IllegalArgumentException("pre-processing must be auto, opencv or java, got '" + asked + "'");
        }
    }
}
