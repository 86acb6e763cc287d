package cl.ventanilla.totem;

import cl.ventanilla.ai.boundary.Assistant;
import cl.ventanilla.ai.boundary.AssistantAnswer;
import cl.ventanilla.ai.boundary.Question;
import cl.ventanilla.ai.boundary.SuggestedService;
import cl.ventanilla.faces.Feedback;
import cl.ventanilla.faces.QrSvg;
import cl.ventanilla.kernel.web.ForwardedHeaders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The kiosk's assistant ({@code asistente.xhtml}): the citizen asks which service they need; each service
 * of the answer can be taken here at once (a walk-in ticket, when the kiosk serves its unit) or booked on
 * the phone by scanning its QR code (a kiosk has no keyboard for a link).
 */
@Named
@RequestScoped
public class KioskAssistantBacking {

    @Inject
    Assistant assistant;

    @Inject
    ForwardedHeaders forwarded;

    @Inject
    @ConfigProperty(name = "ventanilla.public.url")
    Optional<String> publicUrl;

    private String fixedUnit;
    private String question;
    private AssistantAnswer answer;

    /** Asks the assistant; a refusal (empty, too long, too many questions) is shown above the form. */
    public void ask() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            answer = assistant.ask(new Question(question, faces.getViewRoot().getLocale(),
                    forwarded.clientAddress((HttpServletRequest) faces.getExternalContext().getRequest())));
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        }
    }

    /** Whether this kiosk issues tickets for the service: it serves every unit, or the service's one. */
    public boolean issuesHere(SuggestedService service) {
        return fixedUnit == null || fixedUnit.isBlank() || fixedUnit.strip().equals(String.valueOf(service.unitId()));
    }

    /** The service's booking page on the public portal as a QR code for the citizen's phone. */
    public String bookingQr(SuggestedService service) {
        String url = publicUrl.map(u -> u.replaceAll("/+$", "")).orElseGet(KioskTicketBacking::sameHost) + service.bookingUrl();
        return QrSvg.of(url, url);
    }

    public AssistantAnswer getAnswer() {
        return answer;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getFixedUnit() {
        return fixedUnit;
    }

    public void setFixedUnit(String fixedUnit) {
        this.fixedUnit = fixedUnit;
    }
}
