package dev.edgevision.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every request is answered: success with the handler's result, or an error code and a message. */
class CommandRouterTest {
    private final CommandRouter router = new CommandRouter();

    CommandRouterTest() {
        router.register("echo", r -> Map.of("said", r.body().path("text").asText()));
        router.register("refuse", r -> {
            throw new CommandException("busy", "an update is running");
        });
        router.register("crash", r -> {
            throw new IllegalStateException("secret=hunter2 inside");
        });
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRequestReachesItsHandlerAndItsIdComesBack() {
        CommandResponse r = router.dispatch("echo", json("{\"request_id\":\"7\",\"text\":\"hi\"}"));
        assertTrue(r.ok());
        assertEquals("7", r.requestId());
        assertEquals(Map.of("said", "hi"), r.result());
        assertNull(r.error());
    }

    @Test
    void badRequestsAreAnsweredWithACode() {
        assertEquals("bad_json", router.dispatch("echo", json("{\"request_id\":")).error().code());
        assertEquals("bad_request", router.dispatch("echo", json("[1,2]")).error().code());
        assertEquals("bad_request", router.dispatch("echo", json("{\"text\":\"no id\"}")).error().code());
        assertEquals("bad_request", router.dispatch("echo", json("{\"request_id\":5}")).error().code(),
                "the id must be a string");
        assertEquals("bad_request", router.dispatch("echo", json("")).error().code());
        byte[] big = new byte[CommandRouter.MAX_PAYLOAD + 1];
        CommandResponse tooLarge = router.dispatch("echo", big);
        assertEquals("too_large", tooLarge.error().code());
        assertFalse(tooLarge.ok());
    }

    @Test
    void anUnknownCommandNamesTheOnesThereAre() {
        CommandResponse r = router.dispatch("reboot-now", json("{\"request_id\":\"1\"}"));
        assertEquals("unknown_command", r.error().code());
        assertEquals("1", r.requestId());
        assertTrue(r.error().message().contains("crash, echo, refuse"), r.error().message());
    }

    @Test
    void aHandlersRefusalAndItsFailureAreAnsweredAndAFailureRevealsNothing() {
        CommandResponse refused = router.dispatch("refuse", json("{\"request_id\":\"2\"}"));
        assertEquals("busy", refused.error().code());
        assertEquals("an update is running", refused.error().message());
        CommandResponse crashed = router.dispatch("crash", json("{\"request_id\":\"3\"}"));
        assertEquals("internal_error", crashed.error().code());
        assertFalse(crashed.error().message().contains("hunter2"), crashed.error().message());
    }

    @Test
    void aNameHasOneHandler() {
        assertThrows(IllegalStateException.class, () -> router.register("echo", r -> null));
    }
}
