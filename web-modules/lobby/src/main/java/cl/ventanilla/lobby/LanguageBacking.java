package cl.ventanilla.lobby;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
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
        FacesContext faces = FacesContext.getCurrentInstance();
        String chosen = faces.getExternalContext().getRequestParameterMap().get("lang");
        if ("en".equals(chosen)) {
            return Locale.ENGLISH;
        }
        if ("es".equals(chosen)) {
            return SPANISH;
        }
        Locale browser = faces.getViewRoot() == null ? null : faces.getExternalContext().getRequestLocale();
        return browser != null && "en".equals(browser.getLanguage()) ? Locale.ENGLISH : SPANISH;
    }

    public String getTag() {
        return getLocale().getLanguage();
    }

    /** The other language, offered as a link. */
    public String getOther() {
        return "en".equals(getTag()) ? "es" : "en";
    }
}
