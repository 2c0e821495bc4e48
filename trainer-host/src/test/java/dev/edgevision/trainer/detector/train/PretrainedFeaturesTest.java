package dev.edgevision.trainer.detector.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.trainer.detector.net.ClassLoss;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.net.DetectorNetwork;
import dev.edgevision.trainer.detector.net.LeakyReluLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;

/** A new run's network started from another detector's feature layers. */
class PretrainedFeaturesTest {
    private static final List<double[]> TWO_ANCHORS = List.of(new double[] {1, 1}, new double[] {2, 3});

    @TempDir
    Path dir;

    @Test
    void featureLayersAreCopiedAndTheOutputLayerIsLeftToTheNewClasses() throws Exception {
        MultiLayerNetwork trained = network(64, 48, List.of(4, 6, 8), 1, TWO_ANCHORS, 10, 1);
        trained.params().assign(Nd4j.rand(trained.params().shape()));
        Path file = save(trained);
        MultiLayerNetwork fresh = network(96, 64, List.of(4, 6, 8), 1, List.of(new double[] {1.5, 1.5}), 3, 2);
        MultiLayerNetwork untouched = network(96, 64, List.of(4, 6, 8), 1, List.of(new double[] {1.5, 1.5}), 3, 2);

        long copied = PretrainedFeatures.read(file).copyInto(fresh);

        Layer[] from = trained.getLayers();
        Layer[] to = fresh.getLayers();
        long expected = 0;
        for (int i = 0; i < to.length - 2; i++) {
            assertEquals(from[i].params(), to[i].params(), "layer " + i);
            expected += to[i].numParams();
        }
        assertTrue(expected > 0);
        assertEquals(expected, copied);
        int head = to.length - 2;
        assertEquals(untouched.getLayer(head).params(), to[head].params(), "the output convolution keeps its fresh weights");
    }

    @Test
    void withTheHeadTheOutputConvolutionAndAnchorsComeAlongAndOtherClassesAreRefused() throws Exception {
        MultiLayerNetwork trained = network(64, 48, List.of(4, 6, 8), 1, TWO_ANCHORS, 10, 1);
        trained.params().assign(Nd4j.rand(trained.params().shape()));
        PretrainedFeatures source = PretrainedFeatures.read(save(trained)).withHead();
        assertTrue(source.keepsHead());
        List<double[]> anchors = source.anchors();
        assertEquals(2, anchors.size());
        assertEquals(2.0, anchors.get(1)[0], 1e-6);
        assertEquals(3.0, anchors.get(1)[1], 1e-6);

        MultiLayerNetwork continued = network(96, 64, List.of(4, 6, 8), 1, anchors, 10, 2);
        long copied = source.copyInto(continued);
        int head = continued.getLayers().length - 2;
        assertEquals(trained.getLayer(head).params(), continued.getLayer(head).params());
        assertEquals(trained.numParams(), copied);

        MultiLayerNetwork otherClasses = network(64, 48, List.of(4, 6, 8), 1, TWO_ANCHORS, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.copyInto(otherClasses));
        assertTrue(e.getMessage().contains("another number of classes or anchors"), e.getMessage());
    }

    @Test
    void aCheckpointWithDl4jsActivationLayersStartsANetworkWithInPlaceOnes() throws Exception {
        MultiLayerNetwork older = DetectorNetwork.create(new DetectorArchitecture(64, 48, List.of(4, 6, 8), 1,
                TWO_ANCHORS, 10), 1, new FixedSchedule(1e-3), CNN2DFormat.NCHW, ClassLoss.DEFAULT, LeakyReluLayer.DL4J);
        older.params().assign(Nd4j.rand(older.params().shape()));
        MultiLayerNetwork fresh = network(64, 48, List.of(4, 6, 8), 1, TWO_ANCHORS, 3, 2);
        PretrainedFeatures.read(save(older)).copyInto(fresh);
        assertEquals(older.getLayer(0).params(), fresh.getLayer(0).params());
    }

    @Test
    void otherStagesAreRefusedNamingTheFileAndTheLayer() throws Exception {
        Path file = save(network(64, 48, List.of(4, 6, 8), 1, TWO_ANCHORS, 10, 1));
        MultiLayerNetwork wider = network(64, 48, List.of(4, 12, 8), 1, TWO_ANCHORS, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PretrainedFeatures.read(file).copyInto(wider));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("layer 4")
                && e.getMessage().contains("--init-from none"), e.getMessage());

        MultiLayerNetwork deeper = network(64, 48, List.of(4, 6, 8), 2, TWO_ANCHORS, 10, 1);
        IllegalArgumentException layers = assertThrows(IllegalArgumentException.class,
                () -> PretrainedFeatures.read(file).copyInto(deeper));
        assertTrue(layers.getMessage().contains("layers"), layers.getMessage());
    }

    @Test
    void aMissingOrCorruptFileIsNamed() throws Exception {
        Path missing = dir.resolve("nothing.zip");
        IOException none = assertThrows(IOException.class, () -> PretrainedFeatures.read(missing));
        assertTrue(none.getMessage().contains(missing.toString()), none.getMessage());

        Path corrupt = Files.write(dir.resolve("corrupt.zip"), new byte[] {'P', 'K', 1, 2, 3});
        IOException bad = assertThrows(IOException.class, () -> PretrainedFeatures.read(corrupt));
        assertTrue(bad.getMessage().contains(corrupt.toString()) && bad.getMessage().contains("--init-from none"),
                bad.getMessage());
    }

    private static MultiLayerNetwork network(int width, int height, List<Integer> widths, int context,
            List<double[]> anchors, int classes, long seed) {
        return DetectorNetwork.create(new DetectorArchitecture(width, height, widths, context, anchors, classes), seed,
                new FixedSchedule(1e-3));
    }

    private Path save(MultiLayerNetwork net) throws IOException {
        Path file = dir.resolve("best.zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        return file;
    }
}
