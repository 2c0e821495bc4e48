package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.idx.DatasetException;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.trainer.bundle.EngineSamples;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer add-samples}: gives an existing bundle the calibration and reference data devices build engines with. */
@Command(name = "add-samples", mixinStandardHelpOptions = true,
        header = "Add calibration images and reference outputs to an existing bundle.",
        description = {
            "Bundles made before engines were built on devices carry no sample data. This",
            "adds the first 40 test digits as calibration images (INT8) and the first 16 of",
            "them with ONNX Runtime's outputs as references (engine validation), replacing",
            "any samples the bundle had. The model and its manifest stay as they are; the",
            "bundle is rewritten atomically. Prints one JSON line with the new bundle's",
            "files."})
final class AddSamplesCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Bundle to add samples to.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "IDX folder whose test split gives the digits (default: the bundled datasets/mnist-9k).")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of replacing --model.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelBundle bundle = ModelBundle.open(model);
        ModelManifest manifest = bundle.manifest();
        BundleWriter writer = new BundleWriter(manifest);
        for (String name : manifest.files().keySet()) {
            if (!name.startsWith(BundleSamples.CALIBRATION_PREFIX) && !name.startsWith("reference/")) {
                writer.add(name, bundle.file(name));
            }
        }
        EngineSamples.add(writer, manifest, bundle.modelBytes(), heldOut(data == null ? Defaults.dataset() : data));
        Path target = out == null ? model : out;
        ModelManifest written = writer.write(target);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bundle", target.toString());
        line.put("sha256", ModelBundle.open(target).sha256());
        line.put("files", written.files().size());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    /** The test split of the IDX folder {@code folder} (its training files when it has no test split). */
    static DigitSet heldOut(Path folder) throws DatasetException {
        IdxFolder idx = IdxFolder.scan(folder);
        return idx.test().orElse(idx.train()).read();
    }
}
