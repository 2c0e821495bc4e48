package dev.edgevision.device.status;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the TensorRT engine stands, as the status topic reports it while it is built and after.
 *
 * @param state {@code preparing}, {@code building}, {@code loading}, {@code validating}, {@code ready},
 *     {@code failed}, {@code timed_out} or {@code stopped}
 * @param precision {@code fp32}, {@code fp16} or {@code int8}, once known
 * @param detail the latest progress line, the failure's reason, or the backend when ready
 * @param elapsedS seconds since the engine's preparation started
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngineHealth(String state, String precision, String detail, long elapsedS) {
}
