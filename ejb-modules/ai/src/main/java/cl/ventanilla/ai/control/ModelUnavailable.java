package cl.ventanilla.ai.control;

/**
 * The model gave no answer: no key, the provider failed, refused (429), was too slow, or answered
 * something unreadable. Counted by the circuit breaker and turned into the "assistant unavailable"
 * answer by the fallback; never shown to a citizen as such.
 */
public class ModelUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelUnavailable(String message) {
        super(message);
    }

    public ModelUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
