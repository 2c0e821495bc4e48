package dev.edgevision.device.systemd;

import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Sends {@code sd_notify} messages ({@code READY=1}, {@code WATCHDOG=1}, {@code STATUS=...},
 * {@code STOPPING=1}) as datagrams to systemd's notification socket. The JDK's Unix sockets are
 * stream-only, so the datagram socket is junixsocket's. A path starting with {@code @} is in the
 * abstract namespace, as systemd writes it.
 */
public final class SystemdNotifier implements AutoCloseable {
    private final String socketName;
    private final AFUNIXSocketAddress address;
    private final AFUNIXDatagramChannel channel;

    private SystemdNotifier(String socketName, AFUNIXSocketAddress address, AFUNIXDatagramChannel channel) {
        this.socketName = socketName;
        this.address = address;
        this.channel = channel;
    }

    /** A notifier for the value of {@code NOTIFY_SOCKET} (a path, or {@code @name} for the abstract namespace). */
    public static SystemdNotifier open(String notifySocket) throws IOException {
        if (notifySocket == null || notifySocket.isBlank()) {
            throw new IllegalArgumentException("NOTIFY_SOCKET is empty: systemd sets it for Type=notify services");
        }
        AFUNIXSocketAddress address = address(notifySocket);
        return new SystemdNotifier(notifySocket, address, AFUNIXDatagramChannel.open());
    }

    private static AFUNIXSocketAddress address(String name) throws SocketException {
        if (name.startsWith("@")) {
            byte[] raw = name.getBytes(StandardCharsets.UTF_8);
            raw[0] = 0;
            return AFUNIXSocketAddress.of(raw);
        }
        if (!name.startsWith("/")) {
            throw new IllegalArgumentException("NOTIFY_SOCKET \"" + name + "\" is neither an absolute path nor"
                    + " @abstract-name; it comes from systemd, so unset it to run outside systemd");
        }
        return AFUNIXSocketAddress.of(Path.of(name));
    }

    /** Sends one message of {@code KEY=value} lines. */
    public synchronized void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        channel.send(ByteBuffer.wrap(bytes), address);
    }

    /** The service is up: systemd starts what waits for it. */
    public void ready(String status) throws IOException {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    /** The service is alive; systemd restarts it when these stop for {@code WatchdogSec}. */
    public void watchdog() throws IOException {
        send("WATCHDOG=1");
    }

    /** A line a person reads in {@code systemctl status}. */
    public void status(String status) throws IOException {
        send("STATUS=" + oneLine(status));
    }

    /** The service has begun stopping. */
    public void stopping(String status) throws IOException {
        send("STOPPING=1\nSTATUS=" + oneLine(status));
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ');
    }

    /** The socket as {@code NOTIFY_SOCKET} named it. */
    public String socketName() {
        return socketName;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // a datagram channel that sends nothing more: nothing left to release
        }
    }
}
