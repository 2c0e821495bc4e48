package dev.edgevision.device.mqtt;

import java.nio.file.Path;

/**
 * A publisher in a process of its own, for the last-will test to kill: prints {@code CONNECTED}
 * once connected, then waits. It ends by itself when its standard input closes (the test died) or
 * after a minute.
 */
public final class PublisherProcess {
    private PublisherProcess() {
    }

    /** Arguments: broker URI, spool directory, device id. */
    public static void main(String[] args) throws Exception {
        MqttSettings settings = Fixtures.settings(args[0], Path.of(args[1]), args[2]).build();
        MqttPublisher publisher = MqttPublisher.start(settings, Fixtures.status());
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the parent to go away
                }
            } catch (java.io.IOException ignored) {
                // parent gone
            }
            System.exit(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!publisher.stats().connected() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.println(publisher.stats().connected() ? "CONNECTED" : "NOT CONNECTED " + publisher.stats());
        System.out.flush();
        Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        System.exit(4);
    }
}
