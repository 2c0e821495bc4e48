package dev.edgevision.trainer.detector.scenes.sets;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Handwriting fonts from Debian packages, found by their file names under a font folder
 * ({@code /usr/share/fonts}). Only fonts that look handwritten and can draw all ten digits are
 * taken; printed fonts such as DejaVu never are.
 */
public final class HandwritingFonts {
    /** Where Debian installs fonts. */
    public static final Path SYSTEM = Path.of("/usr/share/fonts");
    /** The Debian packages whose fonts are used, for the message when none is installed. */
    public static final List<String> PACKAGES = List.of("fonts-dkg-handwriting", "fonts-breip", "fonts-bwht",
            "fonts-femkeklaver", "fonts-humor-sans", "fonts-dancingscript", "fonts-kristi", "fonts-comic-neue");
    /** File names (lower case) of the fonts in those packages that are used. */
    private static final List<String> FILES = List.of("dkg.ttf", "dkgbd.ttf", "breip.ttf",
            "becausewebuild-regular.otf", "becauseweconnect-regular.otf", "becausewecreate-regular.otf",
            "becausewelearn-regular.otf", "becausewementor-regular.otf", "becauseweorganize-regular.otf",
            "femkeklaver.ttf", "humor-sans.ttf", "dancingscript-regular.otf", "dancingscript-bold.otf", "kristi.ttf",
            "comicneue-regular.otf", "comicneue-bold.otf", "comicneue-italic.otf");

    private HandwritingFonts() {
    }

    /**
     * The handwriting fonts under {@code folder}, sorted by file name.
     *
     * @throws IOException naming the packages to install when there is none
     */
    public static List<Font> find(Path folder) throws IOException {
        Map<String, Font> found = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (FILES.contains(name)) {
                        Font font = load(file, refused);
                        if (font != null) {
                            found.put(name, font);
                        }
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new IOException(folder + ": no handwriting font found" + (refused.isEmpty() ? "" : " (unusable: "
                    + String.join(", ", refused) + ")") + "; install some with: apt-get install " + String.join(" ", PACKAGES));
        }
        return List.copyOf(found.values());
    }

    private static Font load(Path file, List<String> refused) {
        try {
            Font font = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
            if (font.canDisplayUpTo("0123456789") != -1) {
                refused.add(file.getFileName() + " lacks digits");
                return null;
            }
            return font;
        } catch (FontFormatException | IOException e) {
            refused.add(file.getFileName() + " cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }
}
