package dev.edgevision.device.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a configuration file is text before the YAML parser sees it, and keeps the parser's
 * messages printable: a binary file (an image, a bundle, a core dump given by mistake) is named as
 * such, and no raw byte of it reaches the terminal.
 */
final class ConfigText {
    private static final int LONGEST_MESSAGE = 300;

    private ConfigText() {
    }

    /** Why {@code bytes} are not a text file, or null when they are UTF-8 text without control bytes. */
    static String binaryProblem(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return String.format("is not a text file (byte 0x%02x at offset %d): give a YAML configuration file"
                        + " such as config/appliance.yaml", b, i);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return "is not UTF-8 text: give a YAML configuration file saved as UTF-8, such as config/appliance.yaml";
        }
        return null;
    }

    /** {@code message} with control characters shown as {@code \\uXXXX}, cut to a few lines' worth. */
    static String printable(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < message.length() && out.length() < LONGEST_MESSAGE; i++) {
            char c = message.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.PRIVATE_USE || Character.getType(c) == Character.SURROGATE
                    || c == '\ufffd') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() >= LONGEST_MESSAGE ? out + "..." : out.toString();
    }
}
