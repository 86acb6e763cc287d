package cl.ventanilla.config.entity;

/** The checks every name and free text of the configuration goes through before an entity keeps it. */
final class Text {

    private Text() {
    }

    /** A name: required, stripped, at most {@code maxLength} characters. */
    static String name(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ConfigException.invalid("name.required");
        }
        String name = value.strip().replaceAll("\\s+", " ");
        if (name.length() > maxLength) {
            throw ConfigException.invalid("name.tooLong", maxLength);
        }
        return name;
    }

    /** An optional text: {@code null} when blank, stripped, at most {@code maxLength} characters. */
    static String optional(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw ConfigException.invalid("text.tooLong", maxLength);
        }
        return text;
    }
}
