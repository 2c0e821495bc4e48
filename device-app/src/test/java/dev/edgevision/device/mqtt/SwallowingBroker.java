package dev.edgevision.device.mqtt;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake MQTT 3.1.1 broker for one client: it accepts the connection (CONNACK), answers pings, and
 * takes PUBLISH packets without ever acknowledging them, so a test can check that unacknowledged
 * QoS 1 messages stay in the spool and go again to the next broker.
 */
final class SwallowingBroker implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger publishes = new AtomicInteger();
    private volatile Socket client;

    SwallowingBroker(int port) throws IOException {
        server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "swallowing-broker");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            client = socket;
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                int type = in.readUnsignedByte() >> 4;
                byte[] body = new byte[remainingLength(in)];
                in.readFully(body);
                if (type == 1) { // CONNECT
                    out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
                } else if (type == 3) { // PUBLISH: kept, never acknowledged
                    publishes.incrementAndGet();
                } else if (type == 12) { // PINGREQ
                    out.write(new byte[] {(byte) 0xD0, 0x00});
                }
                out.flush();
            }
        } catch (IOException closed) {
            // the test closed us, or the client went away
        }
    }

    private static int remainingLength(DataInputStream in) throws IOException {
        int length = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return length;
            }
        }
        throw new IOException("malformed remaining length");
    }

    /** PUBLISH packets received so far. */
    int publishes() {
        return publishes.get();
    }

    @Override
    public void close() throws IOException {
        Socket c = client;
        if (c != null) {
            c.close();
        }
        server.close();
    }
}
