package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.core.io.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bad-input")
class RedactingOutputTest {
    @Test
    void linesArePassedThroughTheRedactionWholeEvenWhenWrittenInPieces() {
        Redaction.register("Out-Secret-42");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream err = RedactingOutput.over(sink, Redaction::text);
        err.print("cannot open rtsp://admin:pa");
        err.print("ss/w@rd@cam/live (");
        err.println("Out-Secret-42)");
        err.printf("done %d%n", 3);
        assertEquals("cannot open rtsp://admin:***@cam/live (***)\ndone 3\n".replace("\n", System.lineSeparator()),
                sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void standardOutputKeepsNumbersThatEqualAShortRegisteredPassword() {
        Redaction.register("1234");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = RedactingOutput.over(sink, Redaction::uris);
        out.println("{\"frame\":1234,\"source\":\"rtsp://u:1234@cam/x\"}");
        assertEquals("{\"frame\":1234,\"source\":\"rtsp://u:***@cam/x\"}" + System.lineSeparator(),
                sink.toString(StandardCharsets.UTF_8));
    }
}
