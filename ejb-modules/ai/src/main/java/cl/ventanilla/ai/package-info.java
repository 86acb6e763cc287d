/**
 * The assistant: citizens ask in plain words which service they need and what to bring; the answer is
 * found first in the municipality's own catalog (read through config's read model) and only then
 * worded by a language model (Google Gemini behind the {@code AssistantModel} port), which may choose
 * among the services found and nothing else. Also writes short summaries of a period's statistics for
 * supervisors. Owns no table.
 */
package cl.ventanilla.ai;
