package dev.edgevision.trainer.deploy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where the workstation serves the bundle and which host the devices are told: by default the
 * workstation's own address on the route to the broker (devices that reach the broker are
 * usually on that network; a broker on this machine gives loopback), found by connecting a UDP
 * socket, which sends nothing.
 *
 * @param bind the address listened on
 * @param advertised the host name or address written into the job's url
 */
public record ServeAddress(InetAddress bind, String advertised) {
    /**
     * Resolves {@code --http-bind} and {@code --http-host}, each null for the default.
     *
     * @throws IOException naming the option whose host cannot be resolved
     */
    public static ServeAddress of(String bindOption, String hostOption, BrokerOptions broker) throws IOException {
        InetAddress bind = bindOption == null ? towards(broker) : resolve("--http-bind", bindOption);
        String advertised = hostOption != null ? hostOption
                : bind.isAnyLocalAddress() ? towards(broker).getHostAddress() : bind.getHostAddress();
        return new ServeAddress(bind, advertised);
    }

    /** The socket address to bind with {@code port} (0: a free one). */
    public InetSocketAddress socket(int port) {
        return new InetSocketAddress(bind, port);
    }

    private static InetAddress towards(BrokerOptions broker) throws IOException {
        InetAddress target = resolve("--broker", broker.host());
        if (target.isLoopbackAddress()) {
            return target;
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(target, broker.port());
            InetAddress local = probe.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return local;
            }
        }
        return InetAddress.getLocalHost();
    }

    private static InetAddress resolve(String option, String host) throws IOException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IOException(option + ": unknown host \"" + host + "\"; give a name this machine resolves, or"
                    + " an address");
        }
    }
}
