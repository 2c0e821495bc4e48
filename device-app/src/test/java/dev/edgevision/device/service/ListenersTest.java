package dev.edgevision.device.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.device.status.DeviceStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One listener that throws never keeps the others from hearing, nor from being closed. */
class ListenersTest {
    @Test
    void aThrowingListenerDoesNotSilenceTheOthers() {
        List<String> heard = new ArrayList<>();
        Listeners listeners = new Listeners();
        listeners.add(new ApplianceListener() {
            @Override
            public void onStatus(DeviceStatus status) {
                throw new IllegalStateException("broken");
            }

            @Override
            public void close() {
                throw new IllegalStateException("broken too");
            }
        });
        listeners.add(new ApplianceListener() {
            @Override
            public void onStatus(DeviceStatus status) {
                heard.add(status.state());
            }

            @Override
            public void close() {
                heard.add("closed");
            }
        });
        listeners.status(new DeviceStatus("online", "1", null, null, List.of("cam0")));
        listeners.status(new DeviceStatus("degraded", "1", null, null, List.of("cam0")));
        listeners.close();
        assertEquals(List.of("online", "degraded", "closed"), heard);
    }
}
