package dev.edgevision.trainer.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.edgevision.trainer.data.AugmentationSettings;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFixtures;
import dev.edgevision.core.idx.IdxFolder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Same seed and data give the same weights; another seed gives others. */
class ReproducibilityTest {
    static DigitSet train;
    static DigitSet validation;

    @BeforeAll
    static void load() throws Exception {
        DigitSet all = IdxFolder.scan(IdxFixtures.bundledDataset()).train().read();
        train = all.subset(IntStream.range(0, 384).toArray(), "train");
        validation = all.subset(IntStream.range(384, 448).toArray(), "validation");
    }

    static INDArray train(long seed) {
        TrainingSettings s = new TrainingSettings(seed, 4, ClassifierShape.LENET, 32, 2, 5, 2e-3, 0.9, 0.1, 0, AugmentationSettings.digits());
        return new ClassifierTrainer(s, TrainingListener.NONE).train(train, validation).network().params().dup();
    }

    @Test
    void sameSeedSameWeights() {
        INDArray first = train(42);
        INDArray second = train(42);
        assertEquals(first, second, "two runs with seed 42 must give identical weights");
        assertNotEquals(first, train(43), "another seed must give other weights");
    }
}
