package cl.ventanilla.ai.entity;

import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * The assistant refused a question: too many from the same connection. The message, in Spanish or
 * English, comes from {@code cl/ventanilla/ai/Messages}.
 */
@ApplicationException(rollback = true)
public class AssistantException extends DomainException {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "cl.ventanilla.ai.Messages";

    private final Kind kind;

    private AssistantException(Kind kind, String key, Object... arguments) {
        super(BUNDLE, key, arguments);
        this.kind = kind;
    }

    public static AssistantException tooManyQuestions(long minutes) {
        return new AssistantException(Kind.TOO_MANY_REQUESTS, "questions.tooMany", minutes);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
