package cl.ventanilla.ai.control;

import cl.ventanilla.ai.entity.Prompt;

/**
 * The port to a language model provider: Google Gemini today ({@link GeminiModel}), another one
 * tomorrow. Callers go through {@link GuardedModel}, which adds the timeout, the circuit breaker and the
 * fallback; an implementation only speaks its provider's protocol.
 */
public interface AssistantModel {

    /** Whether the provider may be asked at all (its key is configured); when not, nobody calls it. */
    boolean configured();

    /** Which provider and model answer, e.g. {@code gemini/gemini-2.0-flash}: part of cached answers' keys. */
    String name();

    /**
     * The model's text for the prompt.
     *
     * @throws ModelUnavailable when the provider cannot be reached, refuses, fails, is too slow, or answers
     *                          something that is not an answer
     */
    String complete(Prompt prompt);
}
