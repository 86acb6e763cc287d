package cl.ventanilla.faces;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Gives every view the language of the shared {@code language} bean ({@code ?lang=}, then the browser,
 * then Spanish) from the moment it is created. The layout's {@code f:view locale} comes too late for
 * what is said before rendering: view parameter conversion messages and a boundary's refusal in a
 * {@code f:viewAction}.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return context.getApplication().evaluateExpressionGet(context, "#{language.locale}", Locale.class);
    }
}
