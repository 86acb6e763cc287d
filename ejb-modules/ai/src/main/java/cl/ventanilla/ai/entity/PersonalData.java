package cl.ventanilla.ai.entity;

import java.util.regex.Pattern;

/**
 * Takes out of a text what identifies a person before it leaves for the language model: e-mail
 * addresses, RUTs ({@code 12.345.678-5}, {@code 12345678-5}, {@code 12345678-K}), Chilean phone numbers
 * ({@code +56 9 1234 5678}, {@code 912345678}, {@code (2) 2987 4100}) and, to be safe, any other run
 * of seven or more digits written with spaces, dots or commas (a RUT without its hyphen, a card number;
 * not a date like 2026-11-01). Each
 * becomes a placeholder the model can still read ("[RUT]"), so the question keeps its sense.
 */
public final class PersonalData {

    static final String EMAIL = "[correo]";
    static final String RUT = "[RUT]";
    static final String PHONE = "[teléfono]";
    static final String NUMBER = "[número]";

    private static final Pattern EMAILS = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+\\s*(@|\\(at\\)|\\[at\\])\\s*[\\p{L}\\p{N}-]+(\\s*\\.\\s*[\\p{L}\\p{N}-]+)+");
    private static final Pattern RUTS = Pattern.compile(
            "(?<![\\p{N}])\\d{1,2}(?:[.\\s]?\\d{3}){2}\\s*[-‐‑–]\\s*[\\dkK](?![\\p{L}\\p{N}])");
    private static final Pattern PHONES = Pattern.compile(
            "(?<![\\p{N}])(?:\\+\\s?56[\\s.-]*|56[\\s.-]*)?(?:\\(?\\d{1,2}\\)?[\\s.-]*)?\\d{4}[\\s.-]*\\d{4}(?![\\p{N}])");
    private static final Pattern LONG_NUMBERS = Pattern.compile("(?<![\\p{N}])\\d(?:[\\s.,]*\\d){6,}(?![\\p{N}])");

    private PersonalData() {
    }

    /** The text with e-mails, RUTs, phone numbers and long numbers replaced by placeholders. */
    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String redacted = EMAILS.matcher(text).replaceAll(EMAIL);
        redacted = RUTS.matcher(redacted).replaceAll(RUT);
        redacted = PHONES.matcher(redacted).replaceAll(PHONE);
        return LONG_NUMBERS.matcher(redacted).replaceAll(NUMBER);
    }
}
