package dev.edgevision.tensorrt.build;

import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process builder first, and where it fails for a reason another process could overcome,
 * trtexec with the same recipe. {@link #fallsBack} is the decision, kept apart so it can be tested.
 */
public final class FallbackEngineBuilder implements EngineBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackEngineBuilder.class);
    private final EngineBuilder primary;
    private final EngineBuilder secondary;

    public FallbackEngineBuilder(EngineBuilder primary, EngineBuilder secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    @Override
    public String name() {
        return primary.name() + ", else " + secondary.name();
    }

    @Override
    public BuiltEngine build(BuildRequest request, BuildProgress progress) throws EngineBuildException, InterruptedException {
        try {
            return primary.build(request, progress);
        } catch (EngineBuildException first) {
            String why = fallsBack(first, request);
            if (why == null) {
                throw first;
            }
            LOG.warn("{} build failed: {}; {}", primary.name(), first.getMessage(), why);
            progress.report(primary.name() + " build failed; " + why);
            try {
                return secondary.build(request, progress);
            } catch (EngineBuildException second) {
                throw new EngineBuildException(second.kind(), primary.name() + ": " + first.getMessage() + "; then "
                        + secondary.name() + ": " + second.getMessage(), second);
            }
        }
    }

    /**
     * Why {@code failure} of the in-process builder is worth a second try with trtexec, or null when it
     * is not: libraries that would not load in this process and builds that failed inside it are;
     * a model the parser refused is not (trtexec uses the same parser), nor a cancelled build, nor
     * INT8 before a calibration cache exists (trtexec cannot calibrate from images).
     */
    public static String fallsBack(EngineBuildException failure, BuildRequest request) {
        return switch (failure.kind()) {
            case NATIVE_LIBRARY, BUILD, TOOL_MISSING -> {
                if (request.recipe().precision() == Precision.INT8 && !Files.isRegularFile(request.calibrationCache())) {
                    yield null;
                }
                yield "trying trtexec with the same settings";
            }
            case PARSE, UNSUPPORTED, CANCELLED -> null;
        };
    }
}
