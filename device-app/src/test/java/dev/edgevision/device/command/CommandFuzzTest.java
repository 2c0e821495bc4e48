package dev.edgevision.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 10,000 fuzzed payloads (random bytes, mutated valid requests, deep nesting, huge numbers, odd
 * names) through the router: every one is answered, none throws; prints the answers by code.
 */
class CommandFuzzTest {
    @Test
    void everyFuzzedPayloadIsAnsweredAndNoneThrows() {
        CommandRouter router = new CommandRouter();
        router.register("status", r -> Map.of("state", "online"));
        router.register("set", r -> {
            if (!r.body().path("threshold").isNumber()) {
                throw new CommandException("bad_request", "threshold must be a number");
            }
            return Map.of("threshold", r.body().get("threshold").asDouble());
        });
        Random random = new Random(20261203);
        String[] names = {"status", "set", "reload", "", "st\u0000tus", "../status", "x".repeat(300)};
        String valid = "{\"request_id\":\"r\",\"threshold\":0.5}";
        Map<String, Integer> codes = new TreeMap<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = switch (i % 5) {
                case 0 -> randomBytes(random, random.nextInt(200));
                case 1 -> mutate(random, valid.getBytes(StandardCharsets.UTF_8));
                case 2 -> ("[".repeat(1 + random.nextInt(5000))).getBytes(StandardCharsets.UTF_8);
                case 3 -> ("{\"request_id\":\"" + i + "\",\"threshold\":" + (random.nextBoolean() ? "1e999999"
                        : "-" + random.nextLong()) + "}").getBytes(StandardCharsets.UTF_8);
                default -> randomBytes(random, CommandRouter.MAX_PAYLOAD - 100 + random.nextInt(200));
            };
            CommandResponse r = router.dispatch(names[random.nextInt(names.length)], payload);
            assertNotNull(r);
            String code = r.ok() ? "ok" : r.error().code();
            codes.merge(code, 1, Integer::sum);
            if (!r.ok()) {
                assertNotNull(r.error().message());
            }
        }
        System.out.printf("10,000 fuzzed commands in %.1f s, answered by code: %s%n", (System.nanoTime() - t0) / 1e9,
                codes);
        assertEquals(10_000, codes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(codes.containsKey("bad_json") && codes.containsKey("too_large") && codes.containsKey("ok"), codes
                .toString());
    }

    static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static byte[] mutate(Random random, byte[] valid) {
        byte[] b = valid.clone();
        for (int k = random.nextInt(4); k >= 0; k--) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
    }
}
