package dev.edgevision.camera.image;

import dev.edgevision.camera.capture.CaptureDevice;
import dev.edgevision.camera.capture.Pacer;
import dev.edgevision.camera.capture.SourceFailedException;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.image.StillImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Still images as frames: one file, or every image in a folder in order of file name. An image that
 * will not decode is skipped with a warning that names it; the folder is listed again on every pass.
 */
final class ImageFilesDevice implements CaptureDevice {
    private final Path path;
    private final Pacer pacer;
    private final long maxPixels;
    /** Opened with the device, closed with it (its native buffers, for OpenCV). */
    private StillImageDecoder decoder;
    private final Frame single = new Frame();
    private Path singleDecoded;
    private List<Path> files = List.of();
    private Warnings warnings;
    private int next;
    private int skipped;

    ImageFilesDevice(Path path, Pacer pacer, long maxPixels) {
        this.path = path;
        this.pacer = pacer;
        this.maxPixels = maxPixels;
    }

    @Override
    public void open(Warnings newWarnings) throws IOException {
        warnings = newWarnings;
        if (decoder == null) {
            decoder = ImageDecodings.selected().open(maxPixels);
        }
        if (Files.isDirectory(path)) {
            files = listImages(path);
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new SourceFailedException("no such file or folder: " + path);
        }
        next = 0;
        skipped = 0;
        pacer.restart();
    }

    private static List<Path> listImages(Path folder) throws IOException {
        List<Path> images;
        try (Stream<Path> entries = Files.list(folder)) {
            images = entries.filter(Files::isRegularFile)
                    .filter(p -> ImageSources.isImage(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new SourceFailedException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
        if (images.isEmpty()) {
            throw new SourceFailedException("folder " + folder + " holds no image (" + ImageSources.EXTENSIONS_TEXT + ")");
        }
        return images;
    }

    @Override
    public boolean read(Frame into) throws IOException {
        while (next < files.size()) {
            Path file = files.get(next++);
            try {
                decode(file, into);
                pacer.awaitNextFrame();
                return true;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                if (files.size() == 1) {
                    throw new SourceFailedException("cannot read image " + file + ": " + reason(e), e);
                }
                skipped++;
                warnings.warn("skipped " + file + ": " + reason(e) + "; the other images go on");
            }
        }
        if (skipped == files.size()) {
            throw new SourceFailedException("none of the " + files.size() + " images in " + path + " could be read");
        }
        return false;
    }

    private void decode(Path file, Frame into) throws IOException {
        if (file.equals(singleDecoded)) {
            into.copyFrom(single);
            return;
        }
        decoder.decode(file, into);
        if (files.size() == 1) {
            single.copyFrom(into);
            singleDecoded = file;
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "too large to decode in this memory (" + e.getMessage() + "); lower ?max_pixels= on the file:// URI";
        }
        if (e instanceof IOException && e.getMessage() != null && e.getCause() == null) {
            return e.getMessage();
        }
        StringBuilder detail = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
            if (detail.indexOf(text) < 0) {
                detail.append(detail.length() == 0 ? "" : ": ").append(text);
            }
        }
        return "corrupt or truncated image (" + detail + ")";
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }
}
