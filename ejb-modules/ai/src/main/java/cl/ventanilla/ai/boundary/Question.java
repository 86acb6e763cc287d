package cl.ventanilla.ai.boundary;

import cl.ventanilla.ai.entity.AssistantPrompts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * A citizen's question: what they wrote, the language of the screen or request (Spanish when null), and
 * the address it came from (set by the screen or the REST resource, never typed by the citizen), which
 * the per-address limit counts.
 */
public record Question(
        @NotBlank(message = "{ventanilla.ai.question.required}")
        @Size(max = AssistantPrompts.QUESTION_LENGTH, message = "{ventanilla.ai.question.size}")
        String text,
        Locale language,
        @NotBlank(message = "{ventanilla.ai.clientAddress.required}")
        String clientAddress) {
}
