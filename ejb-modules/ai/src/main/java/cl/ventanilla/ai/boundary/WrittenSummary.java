package cl.ventanilla.ai.boundary;

/** A period's statistics in a few sentences for a supervisor; {@code available} false when the model gave none. */
public record WrittenSummary(String text, boolean available) {
}
