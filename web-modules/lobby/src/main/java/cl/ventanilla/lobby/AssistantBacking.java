package cl.ventanilla.lobby;

import cl.ventanilla.ai.boundary.Assistant;
import cl.ventanilla.ai.boundary.AssistantAnswer;
import cl.ventanilla.ai.boundary.Question;
import cl.ventanilla.faces.Feedback;
import cl.ventanilla.kernel.web.ForwardedHeaders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The assistant's panel on the portal's home: the citizen's question, posted (never in the URL, where it
 * would reach the logs with whatever personal data was typed), and the answer with the catalog's services.
 */
@Named
@RequestScoped
public class AssistantBacking {

    @Inject
    Assistant assistant;

    @Inject
    ForwardedHeaders forwarded;

    private String question;
    private AssistantAnswer answer;

    /** Asks the assistant; a refusal (empty, too long, too many questions) is shown in the panel. */
    public void ask() {
        try {
            answer = assistant.ask(new Question(question, FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                    BookingBacking.clientAddress(forwarded)));
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        }
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
}
