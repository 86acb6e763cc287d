package cl.ventanilla.ai.entity;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * What is sent to a language model: the rules ({@code instruction}, the provider's system instruction,
 * written by us), the data to work on ({@code userText}, which holds what a citizen typed and is never
 * read as rules), and the shape the answer must have (a JSON schema, or null for free text). The user
 * text is stripped of personal data here, once, so no prompt can carry it.
 */
public record Prompt(String instruction, String userText, JsonObject answerSchema) {

    public Prompt {
        Objects.requireNonNull(instruction, "instruction");
        userText = PersonalData.redact(userText);
    }
}
