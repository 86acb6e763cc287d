package cl.ventanilla.kernel;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Base of every domain's unchecked exceptions. It carries a message key and arguments instead of a
 * finished sentence, so each screen and the REST API can tell the citizen what went wrong in their
 * language (Spanish by default, English available). Subclasses are {@code @ApplicationException}s
 * that roll back the transaction, so a rule broken halfway never leaves half-written state.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Spanish as spoken in Chile: the language of the product unless the user asks for another. */
    public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("es-CL");

    private final String bundle;
    private final String key;
    private final transient Object[] arguments;

    protected DomainException(String bundle, String key, Object... arguments) {
        super(key + " " + Arrays.toString(arguments));
        this.bundle = bundle;
        this.key = key;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public String key() {
        return key;
    }

    /** How serious the problem is for the caller: a wrong input, or something that does not exist. */
    public Kind kind() {
        return Kind.INVALID;
    }

    /** The message in the given language, falling back to Spanish. */
    public String messageIn(Locale locale) {
        Locale wanted = locale == null ? DEFAULT_LOCALE : locale;
        try {
            ResourceBundle messages = ResourceBundle.getBundle(bundle, wanted, getClass().getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(messages.getString(key), wanted).format(arguments);
        } catch (MissingResourceException e) {
            return getMessage();
        }
    }

    /**
     * Classes of domain failures, which the REST API maps to HTTP statuses. {@code UNAUTHENTICATED}: who
     * is asking could not be established (wrong credentials, locked or inactive account).
     * {@code TOO_MANY_REQUESTS}: the caller tried too often and must wait (the message says how long).
     */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED, TOO_MANY_REQUESTS
    }
}
