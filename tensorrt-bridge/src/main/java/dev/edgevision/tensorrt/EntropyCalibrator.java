package dev.edgevision.tensorrt;

import dev.edgevision.core.io.AtomicFile;
import dev.edgevision.tensorrt.build.CalibrationBatches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.tensorrt.nvinfer.IInt8EntropyCalibrator2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorRT's entropy calibrator (version 2) fed with the bundle's calibration images, one batch
 * at a time through a device buffer allocated once. The scales it finds are kept in the
 * calibration cache file (written atomically) and read back on the next build, so a rebuild
 * skips calibration and trtexec can build INT8 from the same scales.
 */
final class EntropyCalibrator extends IInt8EntropyCalibrator2 implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EntropyCalibrator.class);
    private final CalibrationBatches batches;
    private final Path cacheFile;
    private final String inputName;
    private final float[] staging;
    private final FloatPointer host;
    private final DeviceMemory device;
    private BytePointer cache;
    private int next;

    EntropyCalibrator(CalibrationBatches batches, Path cacheFile, String inputName) {
        super();
        this.batches = batches;
        this.cacheFile = cacheFile;
        this.inputName = inputName;
        this.staging = new float[batches.batchSize() * batches.sampleSize()];
        this.host = new FloatPointer(staging.length);
        this.device = new DeviceMemory((long) staging.length * Float.BYTES, "an INT8 calibration batch");
    }

    @Override
    public int getBatchSize() {
        return batches.batchSize();
    }

    @Override
    public boolean getBatch(PointerPointer bindings, PointerPointer names, int count) {
        try {
            if (next >= batches.batches()) {
                return false;
            }
            batches.fill(next++, staging);
            host.put(staging, 0, staging.length);
            Cuda.check(Native.copyToDevice(device.address(), host, (long) staging.length * Float.BYTES),
                    "cudaMemcpy of a calibration batch");
            for (int i = 0; i < count; i++) {
                if (inputName.equals(names.getString(i))) {
                    bindings.put(i, device.address());
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.error("calibration batch {} failed: {}", next, e.getMessage());
            return false;
        }
    }

    @Override
    public Pointer readCalibrationCache(LongPointer length) {
        try {
            if (Files.isRegularFile(cacheFile)) {
                byte[] bytes = Files.readAllBytes(cacheFile);
                cache = new BytePointer(bytes);
                length.put(bytes.length);
                LOG.info("INT8 scales from the calibration cache {}", cacheFile.getFileName());
                return cache;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("the calibration cache {} cannot be read ({}); calibrating again", cacheFile, e.getMessage());
        }
        length.put(0);
        return null;
    }

    @Override
    public void writeCalibrationCache(Pointer data, long length) {
        try {
            byte[] bytes = new byte[(int) length];
            new BytePointer(data).capacity(length).get(bytes);
            AtomicFile.write(cacheFile, bytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the calibration cache {} cannot be written ({}); the next INT8 build calibrates again", cacheFile,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        device.close();
        host.close();
        if (cache != null) {
            cache.close();
        }
        super.close();
    }
}
