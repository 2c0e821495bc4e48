package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/** A detector for pipeline tests: its {@code n}-th call does what {@code behaviour} says; it notes its callers' threads. */
final class FakeDetector implements Detector {
    /** What the {@code n}-th call (from 1) does: return a result, or throw. */
    @FunctionalInterface
    interface Behaviour {
        Result call(int n) throws DetectorException;
    }

    static final Result NOTHING = new Result(List.of(), 0, 0, 0);

    final AtomicInteger calls = new AtomicInteger();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Behaviour behaviour;

    FakeDetector(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Call {@code n} takes {@code millis(n)} and then fails if {@code fails(n)}, else finds nothing. */
    static FakeDetector timed(IntPredicate fails, IntUnaryOperator millis) {
        return new FakeDetector(n -> {
            try {
                Thread.sleep(millis.applyAsInt(n));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fails.test(n)) {
                throw new DetectorException("call " + n + " fails (the test's fake)");
            }
            return NOTHING;
        });
    }

    /** Every call takes {@code millis} and finds nothing. */
    static FakeDetector taking(int millis) {
        return timed(n -> false, n -> millis);
    }

    @Override
    public Result detect(Frame frame) throws DetectorException {
        threads.add(Thread.currentThread());
        return behaviour.call(calls.incrementAndGet());
    }

    @Override
    public ModelIdentity model() {
        return new ModelIdentity("fake", "1", "0");
    }

    @Override
    public String backend() {
        return "fake";
    }

    @Override
    public void close() {
    }
}
