package cl.ventanilla.api.problems;

import cl.ventanilla.kernel.DomainException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The API speaks Spanish unless the caller's Accept-Language prefers English. */
public final class Languages {

    private static final String BUNDLE = "cl.ventanilla.api.problems.Messages";

    private Languages() {
    }

    public static Locale preferred(HttpHeaders headers) {
        return headers == null ? DomainException.DEFAULT_LOCALE : preferred(headers.getAcceptableLanguages(), true);
    }

    /** The first of the caller's languages that the API speaks; Spanish when none or when not said. */
    static Locale preferred(java.util.List<Locale> acceptable, boolean said) {
        if (said) {
            for (Locale locale : acceptable) {
                if ("en".equals(locale.getLanguage())) {
                    return Locale.ENGLISH;
                }
                if ("es".equals(locale.getLanguage())) {
                    return DomainException.DEFAULT_LOCALE;
                }
            }
        }
        return DomainException.DEFAULT_LOCALE;
    }

    static String title(Response.StatusType status, Locale locale) {
        return message("title." + status.getStatusCode(), locale);
    }

    static String message(String key, Locale locale, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Languages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        } catch (MissingResourceException e) {
            return bundle.getString(key.startsWith("title.") ? "title.other" : "http.other");
        }
    }
}
