package cl.ventanilla.faces;

import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.kernel.ViolationMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * What the screens tell the administrator, in the page's language: a refusal from a boundary as
 * messages on the form, the notice after a successful save (kept across the redirect), and a 404 for
 * an id that does not exist.
 */
public final class Feedback {

    private Feedback() {
    }

    /**
     * Shows why a boundary refused a change: a broken domain rule above the form; a Bean Validation
     * violation next to the input whose id is the refused property ({@code name}, {@code prefix} …), or
     * above the form when there is none. Anything else is not the user's doing and goes to the error page.
     */
    public static void problem(RuntimeException failure) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException refused) {
                faces.addMessage(null, error(refused.messageIn(locale)));
                faces.validationFailed();
                return;
            }
            if (cause instanceof ConstraintViolationException invalid) {
                invalid.getConstraintViolations().stream()
                        .sorted(Comparator.comparing(v -> String.valueOf(v.getPropertyPath())))
                        .forEach(violation -> show(faces, violation, locale));
                faces.validationFailed();
                return;
            }
        }
        throw failure;
    }

    /** A notice from the {@code msg} bundle, shown on the page the browser is redirected to. */
    public static void done(String key, Object... arguments) {
        notice(key, arguments);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** A notice from the {@code msg} bundle on the page being answered (no redirect follows). */
    public static void notice(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = new MessageFormat(faces.getApplication().getResourceBundle(faces, "msg").getString(key),
                faces.getViewRoot().getLocale()).format(arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** Answers 404 (the shared error page) instead of rendering the view, for an id that does not exist. */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /**
     * The outcome that redirects to a view after a change (post, redirect, get), keeping the language the
     * user chose with {@code ?lang=} and, when asked, the view parameters (filters, page, id).
     */
    public static String redirect(String view, boolean includeViewParams) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String language = external.getRequestParameterMap().get("lang");
        return view + "?faces-redirect=true"
                + (includeViewParams ? "&includeViewParams=true" : "")
                + ("en".equals(language) || "es".equals(language) ? "&lang=" + language : "");
    }

    private static void show(FacesContext faces, ConstraintViolation<?> violation, Locale locale) {
        FacesMessage message = error(ViolationMessages.in(violation, locale));
        Optional<UIInput> input = property(violation.getPropertyPath()).flatMap(name -> input(faces, name));
        if (input.isPresent()) {
            input.get().setValid(false);
            faces.addMessage(input.get().getClientId(faces), message);
        } else {
            faces.addMessage(null, message);
        }
    }

    /** The refused property as the form names its input: {@code create.details.name} → {@code name}. */
    private static Optional<String> property(Path path) {
        String property = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                property = node.getName();
            }
        }
        return Optional.ofNullable(property);
    }

    private static Optional<UIInput> input(FacesContext faces, String id) {
        UIInput[] found = new UIInput[1];
        VisitContext visit = VisitContext.createVisitContext(faces, null,
                EnumSet.of(VisitHint.SKIP_UNRENDERED, VisitHint.SKIP_ITERATION));
        faces.getViewRoot().visitTree(visit, (context, component) -> {
            if (component instanceof UIInput candidate && id.equals(candidate.getId())) {
                found[0] = candidate;
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return Optional.ofNullable(found[0]);
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }
}
