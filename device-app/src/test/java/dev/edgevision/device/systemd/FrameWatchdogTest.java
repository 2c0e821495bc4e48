package dev.edgevision.device.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FrameWatchdogTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void healthyWhileEveryEnabledCameraAdvancesStalledWhenOneStandsStillForTheWindow() {
        AtomicLong now = new AtomicLong();
        AtomicReference<List<FrameWatchdog.Camera>> cameras = new AtomicReference<>(List.of(
                new FrameWatchdog.Camera("a", true, 1), new FrameWatchdog.Camera("b", true, 1)));
        FrameWatchdog watchdog = new FrameWatchdog(cameras::get, now::get, 2 * SECOND);
        assertTrue(watchdog.check().healthy(), "first sight");
        now.addAndGet(SECOND);
        cameras.set(List.of(new FrameWatchdog.Camera("a", true, 5), new FrameWatchdog.Camera("b", true, 1)));
        assertTrue(watchdog.check().healthy(), "b still for 1 s of a 2 s window");
        now.addAndGet(SECOND);
        cameras.set(List.of(new FrameWatchdog.Camera("a", true, 9), new FrameWatchdog.Camera("b", true, 1)));
        FrameWatchdog.Verdict verdict = watchdog.check();
        assertFalse(verdict.healthy(), "b still for 2 s");
        assertEquals(List.of("b"), verdict.stalled());
        assertEquals(2000, verdict.longestStallMillis());
        now.addAndGet(SECOND);
        cameras.set(List.of(new FrameWatchdog.Camera("a", true, 12), new FrameWatchdog.Camera("b", false, 1)));
        assertTrue(watchdog.check().healthy(), "a disabled camera is not watched");
        now.addAndGet(5 * SECOND);
        cameras.set(List.of(new FrameWatchdog.Camera("a", true, 20), new FrameWatchdog.Camera("b", true, 1)));
        assertTrue(watchdog.check().healthy(), "enabled again: a fresh window");
        now.addAndGet(2 * SECOND);
        cameras.set(List.of(new FrameWatchdog.Camera("a", true, 30), new FrameWatchdog.Camera("b", true, 1)));
        assertFalse(watchdog.check().healthy(), "and stalled after it");
    }

    @Test
    void noEnabledCameraIsIdleAndHealthy() {
        FrameWatchdog watchdog = new FrameWatchdog(() -> List.of(new FrameWatchdog.Camera("a", false, 0)),
                System::nanoTime, SECOND);
        assertTrue(watchdog.check().healthy());
    }

    @Test
    void watchdogIntervalComesFromWatchdogUsecForThisProcessOnly() {
        long pid = ProcessHandle.current().pid();
        assertEquals(2_000_000, SystemdService.watchdogMicros(java.util.Map.of("WATCHDOG_USEC", "2000000")));
        assertEquals(2_000_000, SystemdService.watchdogMicros(java.util.Map.of("WATCHDOG_USEC", "2000000",
                "WATCHDOG_PID", Long.toString(pid))));
        assertEquals(0, SystemdService.watchdogMicros(java.util.Map.of("WATCHDOG_USEC", "2000000",
                "WATCHDOG_PID", Long.toString(pid + 1))));
        assertEquals(0, SystemdService.watchdogMicros(java.util.Map.of()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SystemdService.watchdogMicros(java.util.Map.of("WATCHDOG_USEC", "soon")));
        assertTrue(e.getMessage().contains("WATCHDOG_USEC"));
    }
}
