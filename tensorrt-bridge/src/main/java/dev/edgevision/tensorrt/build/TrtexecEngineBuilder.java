package dev.edgevision.tensorrt.build;

import dev.edgevision.core.io.AtomicFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds engines with the {@code trtexec} every JetPack installs, in its own process, from the same
 * recipe as the in-process builder ({@link TrtexecCommand}). Used where the in-process builder
 * fails: the JNI libraries do not load against this JetPack's TensorRT, or the build runs out of
 * memory inside the service's process. Interrupting the calling thread kills trtexec.
 */
public final class TrtexecEngineBuilder implements EngineBuilder {
    private static final int KEPT_LINES = 40;
    private final Path trtexec;

    public TrtexecEngineBuilder(Path trtexec) {
        this.trtexec = trtexec;
    }

    @Override
    public String name() {
        return "trtexec";
    }

    @Override
    public BuiltEngine build(BuildRequest request, BuildProgress progress) throws EngineBuildException, InterruptedException {
        if (!Files.isExecutable(trtexec)) {
            throw new EngineBuildException(EngineBuildException.Kind.TOOL_MISSING, "trtexec is not at " + trtexec
                    + " (JetPack installs it at " + BuildSettings.DEFAULT_TRTEXEC + "); set tensorrt.trtexec");
        }
        EngineRecipe recipe = request.recipe();
        if (recipe.precision() == Precision.INT8 && !Files.isRegularFile(request.calibrationCache())) {
            throw new EngineBuildException(EngineBuildException.Kind.UNSUPPORTED, "trtexec cannot calibrate INT8 from"
                    + " the bundle's images; it needs the calibration cache the in-process builder writes ("
                    + request.calibrationCache() + "), which does not exist yet; set tensorrt.precision to fp16");
        }
        Path onnx = request.workDir().resolve("model.onnx");
        Path engine = request.workDir().resolve("engine.plan");
        // trtexec updates its timing cache in place: it works on a copy, which replaces the cache atomically.
        Path timing = request.workDir().resolve("timing.cache");
        try {
            Files.createDirectories(request.workDir());
            Files.write(onnx, request.onnx());
            Files.deleteIfExists(engine);
            Files.deleteIfExists(timing);
            if (Files.isRegularFile(request.timingCache())) {
                Files.copy(request.timingCache(), timing);
            }
            List<String> command = TrtexecCommand.of(trtexec, recipe, onnx, engine, timing, request.calibrationCache());
            progress.report("running " + String.join(" ", command));
            Deque<String> output = run(command, progress);
            if (!Files.isRegularFile(engine) || Files.size(engine) == 0) {
                throw new EngineBuildException(EngineBuildException.Kind.BUILD, "trtexec reported success but wrote"
                        + " no engine to " + engine + "; its last lines: " + tail(output, 5));
            }
            if (Files.isRegularFile(timing) && Files.size(timing) > 0) {
                AtomicFile.write(request.timingCache(), Files.readAllBytes(timing));
            }
            return new BuiltEngine(Files.readAllBytes(engine), name());
        } catch (IOException e) {
            throw new EngineBuildException(EngineBuildException.Kind.BUILD, "trtexec could not be run: " + e.getMessage(), e);
        } finally {
            deleteQuietly(onnx);
            deleteQuietly(engine);
            deleteQuietly(timing);
        }
    }

    private Deque<String> run(List<String> command, BuildProgress progress)
            throws IOException, InterruptedException, EngineBuildException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> output = new ArrayDeque<>();
        Thread reader = new Thread(() -> read(process, output, progress), "trtexec-output");
        reader.setDaemon(true);
        reader.start();
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
        reader.join(2000);
        if (status != 0) {
            boolean parse;
            synchronized (output) {
                parse = output.stream().anyMatch(TrtexecEngineBuilder::isParseError);
            }
            throw new EngineBuildException(parse ? EngineBuildException.Kind.PARSE : EngineBuildException.Kind.BUILD,
                    "trtexec exited with status " + status + ": " + errors(output));
        }
        return output;
    }

    private static void read(Process process, Deque<String> output, BuildProgress progress) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > KEPT_LINES) {
                        output.removeFirst();
                    }
                }
                progress.report(line);
            }
        } catch (IOException e) {
            progress.report("trtexec output ended: " + e.getMessage());
        }
    }

    static boolean isParseError(String line) {
        return line.contains("Failed to parse onnx file") || line.contains("ModelImporter")
                || line.contains("onnx2trt") || line.contains("While parsing node");
    }

    /** The error lines trtexec printed ({@code [E]}), else its last lines. */
    private static String errors(Deque<String> output) {
        synchronized (output) {
            List<String> errors = output.stream().filter(l -> l.contains("[E]")).toList();
            return errors.isEmpty() ? tail(output, 5) : String.join(" | ", errors.subList(Math.max(0, errors.size() - 8),
                    errors.size()));
        }
    }

    private static String tail(Deque<String> output, int lines) {
        synchronized (output) {
            return output.stream().skip(Math.max(0, output.size() - lines)).collect(Collectors.joining(" | "));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file in the cache's work folder is harmless
        }
    }
}
