package cl.ventanilla.ai.boundary;

import java.util.List;

/**
 * The assistant's answer: a short text for the citizen, the catalog services it offers (never anything
 * else), and whether the language model took part ({@code available} false: the model is not configured,
 * failed or is resting behind its breaker, and the services are the catalog's own matches for the words
 * of the question).
 */
public record AssistantAnswer(String text, List<SuggestedService> services, boolean available) {

    public AssistantAnswer {
        services = List.copyOf(services);
    }
}
