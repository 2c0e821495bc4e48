package dev.edgevision.camera.image;

import dev.edgevision.core.image.StillImageDecoding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Chooses how still images are decoded, once per process, by capability: the highest-ranked
 * {@link StillImageDecoding} on the class path that can run here (OpenCV's, when opencv-pixels is
 * there and its natives load), else ImageIO; the choice and its reason are logged. The system
 * property {@code edgevision.decode} (or {@code EDGEVISION_DECODE}) can ask for {@code auto} (the
 * default) or a decoding by name ({@code imageio}, {@code opencv}).
 */
final class ImageDecodings {
    private static final System.Logger LOG = System.getLogger(ImageDecodings.class.getName());
    private static StillImageDecoding selected;

    private ImageDecodings() {
    }

    /** The decoding of this process, chosen and logged on first use. */
    static synchronized StillImageDecoding selected() {
        if (selected == null) {
            String asked = System.getProperty("edgevision.decode", System.getenv("EDGEVISION_DECODE"));
            List<StillImageDecoding> offered = new ArrayList<>();
            ServiceLoader.load(StillImageDecoding.class).forEach(offered::add);
            offered.add(ImageIoDecoding.INSTANCE);
            selected = choose(asked == null ? "auto" : asked, offered);
        }
        return selected;
    }

    /**
     * The decoding {@code asked} for among {@code offered}, logged with its reason.
     *
     * @throws IllegalArgumentException when a decoding asked for by name is not offered or cannot run
     */
    static StillImageDecoding choose(String asked, List<StillImageDecoding> offered) {
        String a = asked.trim().toLowerCase(Locale.ROOT);
        List<StillImageDecoding> ranked = new ArrayList<>(offered);
        ranked.sort(Comparator.comparingInt(StillImageDecoding::rank).reversed());
        if (!"auto".equals(a)) {
            StillImageDecoding named = ranked.stream().filter(d -> d.name().equals(a)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("image decoding must be auto or one of "
                            + ranked.stream().map(StillImageDecoding::name).toList() + ", got '" + asked + "'"));
            if (!named.problem().isEmpty()) {
                throw new IllegalArgumentException("image decoding '" + a + "' was asked for but cannot run here: "
                        + named.problem());
            }
            LOG.log(System.Logger.Level.INFO, "image decoding {0}: asked for (edgevision.decode or EDGEVISION_DECODE)", a);
            return named;
        }
        List<String> skipped = new ArrayList<>();
        for (StillImageDecoding d : ranked) {
            if (d.problem().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "image decoding {0}: {1}", d.name(), skipped.isEmpty()
                        ? "the highest-ranked of " + ranked.size() + " offered" : String.join("; ", skipped));
                return d;
            }
            skipped.add(d.name() + " cannot run: " + d.problem());
        }
        throw new IllegalStateException("no image decoding can run: " + skipped);
    }
}
