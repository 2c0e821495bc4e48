package dev.edgevision.trainer.report;

/** Escaping of text for HTML and SVG element content and quoted attribute values. */
final class Html {
    private Html() {
    }

    /** Returns {@code text} with {@code & < > " '} replaced by character references; null becomes "". */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
