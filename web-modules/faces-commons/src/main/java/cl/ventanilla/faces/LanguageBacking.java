package cl.ventanilla.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Iterator;
import java.util.Locale;

/**
 * The page's language: Spanish (Chile) by default, English when the visitor chooses it with
 * {@code ?lang=en} or their browser prefers it. Kept in the URL rather than in a session, so every
 * instance of the cluster renders the same page for the same link.
 */
@Named("language")
@RequestScoped
public class LanguageBacking {

    private static final Locale SPANISH = Locale.forLanguageTag("es-CL");

    public Locale getLocale() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        String chosen = external.getRequestParameterMap().get("lang");
        if ("en".equals(chosen)) {
            return Locale.ENGLISH;
        }
        if ("es".equals(chosen)) {
            return SPANISH;
        }
        // Without an Accept-Language header the servlet container answers with its own default locale,
        // which is not the visitor's choice: Spanish then.
        if (external.getRequestHeaderMap().get("Accept-Language") != null) {
            for (Iterator<Locale> preferred = external.getRequestLocales(); preferred.hasNext(); ) {
                String language = preferred.next().getLanguage();
                if ("en".equals(language)) {
                    return Locale.ENGLISH;
                }
                if ("es".equals(language)) {
                    return SPANISH;
                }
            }
        }
        return SPANISH;
    }

    public String getTag() {
        return getLocale().getLanguage();
    }

    /**
     * This page in the other language: the same query string (never posted form fields), with
     * {@code lang} replaced.
     */
    public String getSwitchUrl() {
        var request = (jakarta.servlet.http.HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        StringBuilder query = new StringBuilder("?lang=").append(getOther());
        String original = request.getQueryString();
        if (original != null) {
            for (String pair : original.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("lang=")) {
                    query.append('&').append(pair);
                }
            }
        }
        return query.toString();
    }

    /** The other language, offered as a link. */
    public String getOther() {
        return "en".equals(getTag()) ? "es" : "en";
    }
}
