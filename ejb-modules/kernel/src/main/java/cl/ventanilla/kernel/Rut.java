package cl.ventanilla.kernel;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Chilean RUT (Rol Único Tributario): a body of up to eight digits and a módulo-11 check digit
 * (0–9 or K). Accepts {@code 12.345.678-5}, {@code 12345678-5}, {@code 123456785} and a lower-case
 * {@code k}; stores it normalized as {@code 12345678-5}, the form the database keeps.
 */
public final class Rut implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Longest normalized form: eight digits, a dash and the check digit. */
    public static final int MAX_LENGTH = 10;

    /**
     * What a RUT may look like, for API descriptions and forms (the check digit is checked by {@link #of}):
     * {@code 12.345.678-5}, {@code 12345678-5}, {@code 123456785}, {@code k} or {@code K}.
     */
    public static final String SHAPE = "^(\\d{1,2}(\\.\\d{3}){2}|\\d{1,8})-?[\\dkK]$";

    /** The format name the API description gives RUTs. */
    public static final String FORMAT = "rut";

    private static final Pattern FORMATTED = Pattern.compile("^\\d{1,2}(\\.\\d{3}){2}-?[\\dK]$");
    private static final Pattern PLAIN = Pattern.compile("^\\d{1,8}-?[\\dK]$");

    private final int body;
    private final char checkDigit;

    private Rut(int body, char checkDigit) {
        this.body = body;
        this.checkDigit = checkDigit;
    }

    /**
     * Parses and validates a RUT as a citizen would type it.
     *
     * @throws InvalidRutException when the text is not a RUT or its check digit does not match
     */
    public static Rut of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRutException("rut.required", text);
        }
        String candidate = text.strip().toUpperCase();
        if (!FORMATTED.matcher(candidate).matches() && !PLAIN.matcher(candidate).matches()) {
            throw new InvalidRutException("rut.malformed", text);
        }
        String compact = candidate.replace(".", "").replace("-", "");
        int body = Integer.parseInt(compact.substring(0, compact.length() - 1));
        char given = compact.charAt(compact.length() - 1);
        if (body == 0) {
            throw new InvalidRutException("rut.malformed", text);
        }
        char expected = checkDigitOf(body);
        if (given != expected) {
            throw new InvalidRutException("rut.checkDigit", text);
        }
        return new Rut(body, expected);
    }

    /** Whether the text is a valid RUT, without throwing. */
    public static boolean isValid(String text) {
        try {
            of(text);
            return true;
        } catch (InvalidRutException e) {
            return false;
        }
    }

    /** The módulo-11 check digit of a RUT body: weights 2..7 from the right, 11 − (sum mod 11). */
    public static char checkDigitOf(int body) {
        int sum = 0;
        int weight = 2;
        for (int rest = body; rest > 0; rest /= 10) {
            sum += (rest % 10) * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int digit = 11 - (sum % 11);
        return switch (digit) {
            case 11 -> '0';
            case 10 -> 'K';
            default -> (char) ('0' + digit);
        };
    }

    public int body() {
        return body;
    }

    public char checkDigit() {
        return checkDigit;
    }

    /** The form stored in the database and used as a key: {@code 12345678-5}. */
    public String normalized() {
        return body + "-" + checkDigit;
    }

    /** The form shown to people: {@code 12.345.678-5}. */
    public String formatted() {
        return String.format(java.util.Locale.ROOT, "%,d", body).replace(',', '.') + "-" + checkDigit;
    }

    /** The form a citizen may be shown on a public screen: {@code **.***.678-5}. */
    public String masked() {
        String formatted = formatted();
        int visibleFrom = Math.max(0, formatted.length() - 5);
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < formatted.length(); i++) {
            char c = formatted.charAt(i);
            masked.append(i < visibleFrom && Character.isDigit(c) ? '*' : c);
        }
        return masked.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rut rut && rut.body == body && rut.checkDigit == checkDigit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(body, checkDigit);
    }

    @Override
    public String toString() {
        return normalized();
    }
}
