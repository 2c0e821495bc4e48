package dev.edgevision.trainer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.trainer.detector.net.ClassLoss;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.net.DetectorNetwork;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;

class ChannelLayoutSwapTest {
    private static final DetectorArchitecture ARCH = new DetectorArchitecture(32, 24, List.of(3, 5, 6), 1,
            List.of(new double[] {1, 1}, new double[] {2, 1.5}), 2);

    @Test
    void swapsActivationsOneWayAndGradientsTheOther() {
        INDArray nchw = Nd4j.rand(new int[] {2, 3, 4, 5});
        ChannelLayoutSwap toLast = new ChannelLayoutSwap(CNN2DFormat.NCHW);
        INDArray nhwc = toLast.preProcess(nchw, 2, LayerWorkspaceMgr.noWorkspaces());
        assertEquals(List.of(2L, 4L, 5L, 3L), List.of(nhwc.shape()[0], nhwc.shape()[1], nhwc.shape()[2], nhwc.shape()[3]));
        assertEquals(nchw.getDouble(1, 2, 3, 4), nhwc.getDouble(1, 3, 4, 2));
        INDArray back = toLast.backprop(nhwc, 2, LayerWorkspaceMgr.noWorkspaces());
        assertEquals(nchw, back);
        assertEquals(nchw, new ChannelLayoutSwap(CNN2DFormat.NHWC).preProcess(nhwc, 2, LayerWorkspaceMgr.noWorkspaces()));
    }

    @Test
    void survivesTheConfigurationsJson() {
        MultiLayerNetwork net = DetectorNetwork.create(ARCH, 1, new FixedSchedule(1e-3), CNN2DFormat.NHWC, ClassLoss.DEFAULT);
        MultiLayerConfiguration read = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        int head = net.getLayers().length - 2;
        assertEquals(new ChannelLayoutSwap(CNN2DFormat.NCHW), read.getInputPreProcess(0));
        assertEquals(new ChannelLayoutSwap(CNN2DFormat.NHWC), read.getInputPreProcess(head));
    }

    @Test
    void channelsLastStagesComputeWhatChannelsFirstStagesCompute() {
        MultiLayerNetwork first = DetectorNetwork.create(ARCH, 5, new FixedSchedule(1e-3), CNN2DFormat.NCHW, ClassLoss.DEFAULT);
        MultiLayerNetwork last = DetectorNetwork.create(ARCH, 5, new FixedSchedule(1e-3), CNN2DFormat.NHWC, ClassLoss.DEFAULT);
        last.setParams(first.params());
        INDArray x = Nd4j.rand(new int[] {3, 1, 24, 32});
        int head = first.getLayers().length - 2;
        INDArray a = first.feedForwardToLayer(head, x, false).get(head + 1);
        INDArray b = last.feedForwardToLayer(head, x, false).get(head + 1);
        assertEquals(List.of(3L, (long) ARCH.outputChannels(), 6L, 8L), List.of(b.shape()[0], b.shape()[1], b.shape()[2], b.shape()[3]));
        double difference = a.sub(b).amaxNumber().doubleValue();
        assertTrue(difference < 1e-5, "max difference " + difference);
    }
}
