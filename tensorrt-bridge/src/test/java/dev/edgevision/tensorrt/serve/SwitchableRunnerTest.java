package dev.edgevision.tensorrt.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The pipeline's runner serves on the CPU, then switches on its own thread when an engine is offered. */
class SwitchableRunnerTest {
    @Test
    void servesOnTheInitialRunnerUntilOfferedThenSwitchesAtTheNextRun() throws Exception {
        FakeRunner cpu = new FakeRunner("onnxruntime-cpu", 4, 0);
        SwitchableRunner runner = new SwitchableRunner("cam0", cpu);
        runner.input()[3] = 1f;
        float[] out = runner.run(1);
        assertSame(cpu.output, out);
        assertEquals("onnxruntime-cpu", runner.backend());
        assertEquals(1f, cpu.input[3], "input copied into the backend's buffer");

        FakeRunner gpu = new FakeRunner("tensorrt-fp16", 4, 0);
        runner.offer(gpu);
        assertTrue(runner.switchPending());
        assertEquals("onnxruntime-cpu", runner.backend(), "not before the pipeline's next run");
        runner.input()[784 + 5] = 1f;
        float[] after = runner.run(2);
        assertSame(gpu.output, after);
        assertEquals("tensorrt-fp16", runner.backend());
        assertTrue(cpu.closed, "the CPU runner is closed once replaced");
        assertEquals(1, cpu.runs.get());
        assertArrayEquals(Arrays.copyOf(runner.input(), 2 * 784), Arrays.copyOf(gpu.input, 2 * 784));
        assertSame(gpu.output, runner.output("probabilities"));
    }

    @Test
    void aRunnerThatTakesSmallerBatchesIsRefusedAndTheCpuKeepsServing() throws Exception {
        FakeRunner cpu = new FakeRunner("onnxruntime-cpu", 32, 0);
        SwitchableRunner runner = new SwitchableRunner("cam0", cpu);
        FakeRunner small = new FakeRunner("tensorrt-fp16", 1, 0);
        runner.offer(small);
        runner.run(1);
        assertEquals("onnxruntime-cpu", runner.backend());
        assertTrue(small.closed);
        assertFalse(cpu.closed);
    }

    @Test
    void closeClosesTheCurrentAndAnyPendingRunnerAndLaterOffersToo() {
        FakeRunner cpu = new FakeRunner("onnxruntime-cpu", 4, 0);
        SwitchableRunner runner = new SwitchableRunner("cam0", cpu);
        FakeRunner pending = new FakeRunner("tensorrt-fp16", 4, 0);
        runner.offer(pending);
        runner.close();
        assertTrue(cpu.closed);
        assertTrue(pending.closed);
        FakeRunner late = new FakeRunner("tensorrt-fp16", 4, 0);
        runner.offer(late);
        assertTrue(late.closed, "an engine ready after shutdown does not leak a runner");
    }
}
