package dev.edgevision.device.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a clean stop: the first one stops the service, which then ends with exit
 * status 0 (what systemd counts as success) instead of the JVM's 143; a second one exits at once
 * with 143. Where the JVM does not let a program handle them, the shutdown hook stops the service
 * and the status stays 143.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** Makes SIGTERM and SIGINT run {@code stop} (on a thread of their own); false if not possible. */
    static boolean onStop(Runnable stop) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                Signal.handle(new Signal(name), new Handler(name, stop));
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.debug("signals: cannot handle SIGTERM here ({}); the shutdown hook stops the service", e.toString());
            return false;
        }
    }

    private static final class Handler implements sun.misc.SignalHandler {
        private final String name;
        private final Runnable stop;
        private boolean stopping;

        Handler(String name, Runnable stop) {
            this.name = name;
            this.stop = stop;
        }

        @Override
        public synchronized void handle(Signal signal) {
            if (stopping) {
                LOG.warn("SIG{} again while stopping: exiting now", name);
                Runtime.getRuntime().halt(128 + signal.getNumber());
            }
            stopping = true;
            LOG.info("SIG{}: stopping", name);
            Thread thread = new Thread(stop, "stop-on-sig" + name.toLowerCase(java.util.Locale.ROOT));
            thread.start();
        }
    }
}
