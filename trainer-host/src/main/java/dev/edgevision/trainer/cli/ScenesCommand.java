package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.idx.DatasetException;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.trainer.detector.scenes.DigitSceneGenerator;
import dev.edgevision.trainer.detector.scenes.SceneSettings;
import dev.edgevision.trainer.detector.scenes.Variety;
import dev.edgevision.trainer.detector.scenes.sets.CameraScenes;
import dev.edgevision.trainer.detector.scenes.sets.FontScenes;
import dev.edgevision.trainer.detector.scenes.sets.GeneratorScenes;
import dev.edgevision.trainer.detector.scenes.sets.HandwritingFonts;
import dev.edgevision.trainer.detector.scenes.sets.SceneSetWriter;
import dev.edgevision.trainer.detector.scenes.sets.SceneSource;
import dev.edgevision.trainer.detector.scenes.sets.ShapeScenes;
import dev.edgevision.trainer.testsets.NotesScenes;
import dev.edgevision.trainer.testsets.PastedScenes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer scenes}: writes a labelled set of digit scenes, or of hand-drawn shapes standing in
 * for a user's own objects, to disk, one JSON line on standard output.
 */
@Command(name = "scenes", mixinStandardHelpOptions = true,
        header = "Write a labelled set of digit or shape scenes (YOLO layout) for detector evaluation.",
        description = {
            "Renders N camera-like frames of handwritten digits with their boxes into DIR:",
            "images/*.png, labels/*.txt (YOLO: class cx cy w h), classes.txt, scenes.json.",
            "Styles: 'generator' is the detector's own training generator; 'camera' is the",
            "camera module's synthetic scenes and 'fonts' digits written with handwriting",
            "fonts, both made independently of the generator. generator and camera (and",
            "pasted, notes) draw the test split of --data. 'shapes' is not digits:",
            "hand-drawn arrows, boxes, triangles, crosses and stars on paper, labelled by",
            "class name, a stand-in for a user's own labelled objects. 'pasted' (held-out",
            "digits alpha-pasted as soft upscaled bitmaps on tinted paper with lines and",
            "circles) and 'notes' (digits written on a notebook page among letters O o I l",
            "S B Z g q, check boxes, bullets, underlines, crossings-out) are test renderers",
            "written apart from the generator; they also write marks/*.txt, the non-digit",
            "marks, so 'trainer evaluate' counts false detections on them. DIR must not",
            "exist or be empty; the set appears there only when complete."})
final class ScenesCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

    /** How the scenes are made. */
    enum Style { generator, camera, fonts, shapes, pasted, notes }

    @Option(names = "--style", required = true, paramLabel = "STYLE", description = "generator, camera, fonts, shapes, pasted or notes.")
    Style style;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Number of scenes.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed; the same seed writes the same set (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to create.")
    Path out;

    @Option(names = "--size", defaultValue = "640x480", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--data", paramLabel = "DIR", description = "IDX folder whose test split gives the digits (default: the bundled datasets/mnist-9k).")
    Path data;

    @Option(names = "--fonts", paramLabel = "DIR", description = "Where to look for handwriting fonts (default: /usr/share/fonts).")
    Path fonts;

    @Option(names = "--next-run", description = "generator only: with the randomisation and hard negatives"
            + " train-detector's defaults now add (see train-detector --help).")
    boolean nextRun;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 1_000_000) {
            throw new UsageException("--count must be 1..1000000, got " + count);
        }
        int[] wh = size(size);
        SceneSource source = switch (style) {
            case generator -> new GeneratorScenes(new DigitSceneGenerator(testDigits(),
                    SceneSettings.digits().withSize(wh[0], wh[1]), nextRun ? Variety.nextRun() : Variety.none()), seed,
                    digitsFolder().toString() + (nextRun ? ", next run's variety" : ""));
            case camera -> new CameraScenes(testDigits(), wh[0], wh[1], seed);
            case fonts -> new FontScenes(HandwritingFonts.find(fonts == null ? HandwritingFonts.SYSTEM : fonts), wh[0], wh[1], seed);
            case shapes -> new ShapeScenes(wh[0], wh[1], seed);
            case pasted -> new PastedScenes(testDigits(), wh[0], wh[1], seed);
            case notes -> new NotesScenes(testDigits(), wh[0], wh[1], seed);
        };
        System.err.printf("writing %d scenes to %s: %s%n", count, out, source.description());
        long start = System.nanoTime();
        int step = Math.max(1, count / 10);
        SceneSetWriter.Summary summary = SceneSetWriter.write(source, count, out, done -> {
            if (done % step == 0 || done == count) {
                System.err.printf("%d/%d scenes%n", done, count);
            }
        });
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("out", out.toString());
        line.put("style", style.name());
        line.put("images", summary.images());
        line.put("digits", summary.digits());
        line.put("empty_images", summary.emptyImages());
        line.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    static int[] size(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("--size must be WIDTHxHEIGHT such as 640x480, got '" + text + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 64 || h < 64 || w > 8192 || h > 8192) {
            throw new UsageException("--size must be 64..8192 pixels each way, got " + text);
        }
        return new int[] {w, h};
    }

    private Path digitsFolder() {
        return data == null ? Defaults.dataset() : data;
    }

    private DigitSet testDigits() throws DatasetException {
        Path folder = digitsFolder();
        IdxFolder.Pair test = IdxFolder.scan(folder).test().orElseThrow(() -> new DatasetException(folder,
                "has no test split (test-images-idx3-ubyte[.gz] or t10k-images-idx3-ubyte[.gz]); evaluation scenes"
                        + " draw digits the detector did not train on"));
        return test.read();
    }
}
