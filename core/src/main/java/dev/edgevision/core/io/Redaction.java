package dev.edgevision.core.io;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction of secrets for everything a device prints or publishes: log lines, status and
 * stats fields, error messages, the configuration dump.
 *
 * <p>It works on URIs taken apart, not on patterns for one scheme: every {@code scheme://} in a
 * text (any scheme, any case, also inside a GStreamer pipeline or an exception message) has its
 * user-info password replaced by {@code ***}, and query parameters named like secrets
 * ({@code password=}, {@code token=}, ...) lose their values. The user-info ends at the last
 * {@code @} of the URI, so passwords holding {@code /}, {@code :}, {@code ?} or {@code @} are
 * masked whole. On top of that, every secret value the process was given ({@link #register}: the
 * MQTT password, passwords seen in camera URIs) is masked wherever it appears.
 */
public final class Redaction {
    /** What a secret is replaced by. */
    public static final String MASK = "***";

    private static final Pattern SCHEME = Pattern.compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Set<String> SECRET_KEYS = Set.of("password", "passwd", "pass", "pwd", "secret", "token",
            "key", "apikey", "api_key", "access_token", "auth");
    private static final int SHORTEST_REGISTERED = 4;
    private static final List<String> KNOWN = new CopyOnWriteArrayList<>();

    private Redaction() {
    }

    /**
     * Remembers {@code secret} so that {@link #text} masks it wherever it appears; values shorter
     * than four characters are masked only where they sit in a URI (masking "ab" everywhere would
     * garble every line).
     */
    public static void register(String secret) {
        if (secret != null && secret.length() >= SHORTEST_REGISTERED && !KNOWN.contains(secret)) {
            KNOWN.add(secret);
            KNOWN.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /** {@code text} with every URI's password and every registered secret masked; null stays null. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = uris(text);
        for (String secret : KNOWN) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /**
     * The password of the user-info of {@code uri} (one URI, as written), or null when it has none;
     * for {@link #register}.
     */
    public static String password(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher m = SCHEME.matcher(uri);
        if (!m.find()) {
            return null;
        }
        int start = m.end();
        int at = userInfoEnd(uri, start, end(uri, start));
        if (at < 0) {
            return null;
        }
        int colon = uri.indexOf(':', start);
        return colon < 0 || colon > at ? null : uri.substring(colon + 1, at);
    }

    /**
     * {@code text} with every URI's password and secret query values masked, without the
     * registered values: for data (JSON Lines of records) where a short password that happens to
     * equal a number or a word must not garble the output.
     */
    public static String uris(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = SCHEME.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            if (m.start() < copied) {
                continue;
            }
            int start = m.end();
            int end = end(text, start);
            String masked = authorityAndQuery(text.substring(start, end));
            if (!masked.equals(text.substring(start, end))) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start).append(masked);
                copied = end;
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Where the URI starting (after its {@code ://}) at {@code start} ends: white space, a quote or a bracket. */
    private static int end(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Index of the {@code @} ending the user-info in {@code text[start, end)}, or -1: the last one, so
     * that a password may hold any character; an {@code @} in a query makes the mask reach too far,
     * which beats leaking.
     */
    private static int userInfoEnd(String text, int start, int end) {
        if (start < end && text.charAt(start) == '/') {
            return -1;
        }
        int at = text.lastIndexOf('@', end - 1);
        return at >= start ? at : -1;
    }

    /** {@code rest} (what follows {@code ://}) with its password and secret query values masked. */
    private static String authorityAndQuery(String rest) {
        StringBuilder out = new StringBuilder(rest.length());
        int at = userInfoEnd(rest, 0, rest.length());
        int from = 0;
        if (at >= 0) {
            int colon = rest.indexOf(':');
            if (colon >= 0 && colon < at) {
                out.append(rest, 0, colon + 1).append(MASK);
            } else {
                out.append(rest, 0, at);
            }
            from = at;
        }
        int query = rest.indexOf('?', from);
        if (query < 0) {
            return out.append(rest, from, rest.length()).toString();
        }
        out.append(rest, from, query + 1);
        String[] pairs = rest.substring(query + 1).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            out.append(i == 0 ? "" : "&");
            if (eq >= 0 && SECRET_KEYS.contains(key) && eq < pair.length() - 1) {
                out.append(pair, 0, eq + 1).append(MASK);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }
}
