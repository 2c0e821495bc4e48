package dev.edgevision.device.systemd;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.service.Appliance;
import dev.edgevision.device.service.ApplianceListener;
import dev.edgevision.device.status.StatsSnapshot;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance as a {@code Type=notify} systemd service. It says {@code READY=1} once the first
 * frame of every enabled camera has been processed and handed to the publishers (queued for the
 * broker, or spooled while it is away: readiness does not wait for the network); pings
 * {@code WATCHDOG=1} every half {@code WATCHDOG_USEC} while {@link FrameWatchdog} finds frames
 * advancing on every enabled camera, and stops pinging when one stalls for half that time, so
 * systemd restarts the service; writes STATUS lines; and says {@code STOPPING=1} when the stop
 * begins. Outside systemd ({@code NOTIFY_SOCKET} unset) there is none.
 */
public final class SystemdService implements ApplianceListener {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdService.class);

    private final SystemdNotifier notifier;
    private final long watchdogMicros;
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Appliance appliance;
    private volatile boolean stalledLogged;
    private ScheduledExecutorService pinger;
    private volatile long lastWarning;

    SystemdService(SystemdNotifier notifier, long watchdogMicros) {
        this.notifier = notifier;
        this.watchdogMicros = watchdogMicros;
    }

    /**
     * The service for this process's environment: null without {@code NOTIFY_SOCKET}. The watchdog
     * runs when {@code WATCHDOG_USEC} is set and {@code WATCHDOG_PID}, if set, is this process.
     */
    public static SystemdService fromEnvironment(Map<String, String> env) throws IOException {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isBlank()) {
            return null;
        }
        long micros = watchdogMicros(env);
        SystemdNotifier notifier;
        try {
            notifier = SystemdNotifier.open(socket);
        } catch (IOException | LinkageError e) {
            throw new IOException("systemd: cannot open a datagram socket for NOTIFY_SOCKET " + socket + " (" + e
                    + "); junixsocket's native library for this platform is needed (linux x86-64 and aarch64 ship"
                    + " in junixsocket-native-common)", e);
        }
        SystemdService service = new SystemdService(notifier, micros);
        LOG.info("systemd: notifying {}{}", socket, micros > 0 ? ", watchdog every " + micros / 2000 + " ms" : "");
        service.tell("starting: loading the model and opening the cameras");
        return service;
    }

    static long watchdogMicros(Map<String, String> env) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null || usec.isBlank()) {
            return 0;
        }
        String pid = env.get("WATCHDOG_PID");
        if (pid != null && !pid.isBlank() && !pid.trim().equals(Long.toString(ProcessHandle.current().pid()))) {
            return 0;
        }
        try {
            long micros = Long.parseLong(usec.trim());
            if (micros <= 0) {
                throw new NumberFormatException();
            }
            return micros;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("WATCHDOG_USEC \"" + usec + "\" is not a positive number of"
                    + " microseconds; it comes from systemd's WatchdogSec=");
        }
    }

    /** Starts watching {@code started}'s cameras: READY once each enabled one has published, then the watchdog. */
    public synchronized void attach(Appliance started) {
        this.appliance = started;
        checkReady();
        if (watchdogMicros > 0 && pinger == null) {
            long periodMicros = Math.max(watchdogMicros / 2, 50_000);
            FrameWatchdog watchdog = new FrameWatchdog(() -> cameras(started), System::nanoTime, periodMicros * 1000);
            pinger = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "systemd-watchdog");
                t.setDaemon(true);
                return t;
            });
            pinger.scheduleAtFixedRate(() -> ping(watchdog), 0, periodMicros, TimeUnit.MICROSECONDS);
        }
    }

    private static List<FrameWatchdog.Camera> cameras(Appliance appliance) {
        return appliance.pipelines().stream()
                .map(p -> new FrameWatchdog.Camera(p.camera(), p.enabled(), p.processed())).toList();
    }

    private void ping(FrameWatchdog watchdog) {
        if (stopping.get()) {
            return;
        }
        FrameWatchdog.Verdict verdict = watchdog.check();
        if (verdict.healthy()) {
            if (stalledLogged) {
                stalledLogged = false;
                tell("running: frames advance again on every camera");
            }
            try {
                notifier.watchdog();
            } catch (IOException | RuntimeException e) {
                warn("watchdog ping", e);
            }
        } else if (!stalledLogged) {
            stalledLogged = true;
            String message = "camera " + String.join(", ", verdict.stalled()) + " processed no frame for "
                    + verdict.longestStallMillis() / 1000 + " s; watchdog pings stopped, systemd restarts the service";
            LOG.error("systemd: {}", message);
            tell("stalled: " + message);
        }
    }

    @Override
    public void onRecord(String camera, DetectionRecord record) {
        if (!ready.get() && published.add(camera)) {
            checkReady();
        }
    }

    private void checkReady() {
        Appliance a = appliance;
        if (a == null || ready.get()) {
            return;
        }
        List<String> enabled = a.pipelines().stream().filter(CameraPipeline::enabled).map(CameraPipeline::camera)
                .toList();
        if (published.containsAll(enabled) && ready.compareAndSet(false, true)) {
            String status = "running: first frames published from " + (enabled.isEmpty() ? "no enabled camera"
                    : String.join(", ", enabled)) + " on " + a.backendName();
            try {
                notifier.ready(status);
                LOG.info("systemd: ready ({})", status);
            } catch (IOException | RuntimeException e) {
                warn("READY", e);
            }
        }
    }

    @Override
    public void onStats(StatsSnapshot stats) {
        if (!ready.get() || stalledLogged || stopping.get()) {
            return;
        }
        String cameras = stats.cameras().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f fps", e.getValue().fps()) + " ("
                        + e.getValue().state() + ")")
                .collect(Collectors.joining(", "));
        tell("running: " + cameras + (stats.backend() == null ? "" : "; backend " + stats.backend()));
    }

    /** Says STOPPING=1 and stops the watchdog; the caller then stops the appliance (MQTT and spool flushed). */
    public void stopping() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (pinger != null) {
                pinger.shutdownNow();
            }
        }
        try {
            notifier.stopping("stopping: pipelines, then MQTT and the spool flushed");
        } catch (IOException | RuntimeException e) {
            warn("STOPPING", e);
        }
    }

    private void tell(String status) {
        try {
            notifier.status(status);
        } catch (IOException | RuntimeException e) {
            warn("STATUS", e);
        }
    }

    private void warn(String what, Exception e) {
        long now = System.nanoTime();
        if (now - lastWarning > 60_000_000_000L) {
            lastWarning = now;
            LOG.warn("systemd: {} not sent to {}: {}", what, notifier.socketName(), e.toString());
        }
    }

    /** Called by the appliance after its listeners' pipelines have stopped: closes the socket. */
    @Override
    public void close() {
        stopping();
        notifier.close();
    }
}
