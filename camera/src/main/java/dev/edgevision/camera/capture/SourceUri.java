package dev.edgevision.camera.capture;

import dev.edgevision.core.io.Redaction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A source URI taken apart leniently, as people write them: {@code scheme://target?key=value&...}.
 * Paths may hold spaces; {@code %XX} escapes are decoded. A {@code gst://} URI is a pipeline and is
 * kept verbatim, without parameters. Every problem is an {@link IllegalArgumentException} that quotes
 * the URI (password masked) and says what to write instead.
 */
public final class SourceUri {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final Set<String> VERBATIM = Set.of("gst");

    private final String text;
    private final String scheme;
    private final String target;
    private final Map<String, String> params;

    private SourceUri(String text, String scheme, String target, Map<String, String> params) {
        this.text = text;
        this.scheme = scheme;
        this.target = target;
        this.params = params;
    }

    public static SourceUri parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("empty camera URI; write e.g. synthetic://digits, file:///path/video.mp4,"
                    + " v4l2:///dev/video0, csi://0 or rtsp://host/stream");
        }
        String text = uri.strip();
        Redaction.register(Redaction.password(text));
        int separator = text.indexOf("://");
        String scheme = separator > 0 ? text.substring(0, separator).toLowerCase(Locale.ROOT) : "";
        if (!SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("camera URI '" + redact(text) + "' has no scheme; write it as"
                    + " scheme://..., e.g. file://" + (text.startsWith("/") ? text : "/path/" + text));
        }
        String rest = text.substring(separator + 3);
        if (VERBATIM.contains(scheme)) {
            return new SourceUri(text, scheme, rest, Map.of());
        }
        int query = rest.indexOf('?');
        String target = decode(text, query < 0 ? rest : rest.substring(0, query));
        Map<String, String> params = query < 0 ? Map.of() : parseQuery(text, rest.substring(query + 1));
        return new SourceUri(text, scheme, target, params);
    }

    private static Map<String, String> parseQuery(String text, String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(text, eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(text, pair.substring(eq + 1));
            if (params.put(key, value) != null) {
                throw new IllegalArgumentException("camera URI '" + redact(text) + "' sets parameter " + key
                        + " twice; keep one");
            }
        }
        return Collections.unmodifiableMap(params);
    }

    private static String decode(String text, String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        StringBuilder decoded = new StringBuilder(part.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c != '%') {
                flush(escaped, decoded);
                decoded.append(c);
            } else if (isHex(part, i + 1) && isHex(part, i + 2)) {
                escaped.write(Integer.parseInt(part.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                throw new IllegalArgumentException("camera URI '" + redact(text) + "' has a '%' that is not followed"
                        + " by two hex digits; write a literal % as %25");
            }
        }
        flush(escaped, decoded);
        return decoded.toString();
    }

    private static void flush(ByteArrayOutputStream escaped, StringBuilder decoded) {
        if (escaped.size() > 0) {
            decoded.append(escaped.toString(StandardCharsets.UTF_8));
            escaped.reset();
        }
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /**
     * The URI with any {@code user:password@} password replaced by {@code ***}, for logs and status
     * ({@link Redaction}: any scheme, any case, passwords with {@code /} or {@code @}).
     */
    public static String redact(String uri) {
        return Redaction.text(uri);
    }

    /** As written, password masked. */
    @Override
    public String toString() {
        return redact(text);
    }

    /** As written, password included: only for handing to the library that connects. */
    public String text() {
        return text;
    }

    /**
     * The URI as written, password included, without the parameters in {@code ours}: what to hand to
     * a server whose own URLs may carry a query of their own.
     */
    public String textWithout(Set<String> ours) {
        int query = text.indexOf('?');
        if (query < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : text.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(text, eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !ours.contains(key)) {
                kept.append(kept.length() == 0 ? "?" : "&").append(pair);
            }
        }
        return text.substring(0, query) + kept;
    }

    /** Lower-case scheme, without {@code ://}. */
    public String scheme() {
        return scheme;
    }

    /** Everything between {@code ://} and {@code ?}, decoded; for {@code gst://} the whole pipeline. */
    public String target() {
        return target;
    }

    public Map<String, String> params() {
        return params;
    }

    /** Refuses parameters outside {@code known}, naming the stray one and listing the supported ones. */
    public SourceUri allowOnly(Set<String> known) {
        for (String key : params.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("camera URI '" + this + "': unknown parameter '" + key + "'; "
                        + scheme + ":// takes " + (known.isEmpty() ? "no parameters" : String.join(", ", new TreeSet<>(known))));
            }
        }
        return this;
    }

    public boolean has(String key) {
        return params.containsKey(key);
    }

    public String string(String key, String fallback) {
        String value = params.get(key);
        return value == null ? fallback : value;
    }

    /** One of {@code allowed} (case-insensitive), returned in lower case. */
    public String choice(String key, String fallback, Set<String> allowed) {
        String value = string(key, fallback).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw badValue(key, "is not one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        String value = params.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw badValue(key, "is outside " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw badValue(key, "is not a whole number; write e.g. " + key + "=" + fallback);
        }
    }

    public double number(String key, double fallback, double min, double max) {
        String value = params.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (!(parsed >= min && parsed <= max)) {
                throw badValue(key, "is outside " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw badValue(key, "is not a number; write e.g. " + key + "=" + fallback);
        }
    }

    public boolean flag(String key, boolean fallback) {
        String value = params.get(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw badValue(key, "is not true or false");
        };
    }

    /** A range {@code A..B} (or a single number) within {@code min..max}. */
    public IntRange range(String key, IntRange fallback, int min, int max) {
        String value = params.get(key);
        if (value == null) {
            return fallback;
        }
        IntRange parsed;
        try {
            parsed = IntRange.parse(value);
        } catch (NumberFormatException e) {
            throw badValue(key, "is not a range; write e.g. " + key + "=" + fallback);
        } catch (IllegalArgumentException e) {
            throw badValue(key, "is an empty range; write the smaller bound first, e.g. " + key + "=" + fallback);
        }
        if (parsed.min() < min || parsed.max() > max) {
            throw badValue(key, "reaches outside " + min + ".." + max);
        }
        return parsed;
    }

    /** An error about parameter {@code key} of this URI. */
    public IllegalArgumentException badValue(String key, String problem) {
        return new IllegalArgumentException("camera URI '" + this + "': " + key + "=" + params.get(key) + " " + problem);
    }

    /** An error about this URI as a whole. */
    public IllegalArgumentException problem(String problem) {
        return new IllegalArgumentException("camera URI '" + this + "': " + problem);
    }
}
