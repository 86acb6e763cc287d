package cl.ventanilla.notifications.entity;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail template with {@code ${name}} placeholders. In an HTML template every value is HTML-escaped
 * (a citizen's name or a closure reason can never inject markup); a text template takes the values as
 * they are. A placeholder without a value is an error, never an empty hole in a sent mail.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.]*)}");

    private final String source;
    private final boolean html;

    private Template(String source, boolean html) {
        this.source = Objects.requireNonNull(source, "source");
        this.html = html;
    }

    public static Template html(String source) {
        return new Template(source, true);
    }

    public static Template text(String source) {
        return new Template(source, false);
    }

    /** The template with each placeholder replaced by its value (escaped when HTML). */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 256);
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the template needs a value for ${" + name + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    public static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
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
