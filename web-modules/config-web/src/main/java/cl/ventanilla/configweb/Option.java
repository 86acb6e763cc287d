package cl.ventanilla.configweb;

import java.io.Serializable;
import java.util.UUID;

/** One choice of a select menu or a group of checkboxes: what is submitted and what the user reads. */
public record Option(UUID id, String label) implements Serializable {
}
