package cl.ventanilla.api.problems;

import jakarta.ws.rs.BadRequestException;

/**
 * A path or query parameter that is not what its name promises (an id that is not a UUID, a date that
 * is not {@code 2026-12-24}). JAX-RS would answer 404 for a path or query parameter it cannot convert;
 * a malformed request is a 400, with a sentence that says which value was wrong.
 */
public class InvalidParameterException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    public InvalidParameterException(String key, String value) {
        super(key + " " + value);
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }
}
