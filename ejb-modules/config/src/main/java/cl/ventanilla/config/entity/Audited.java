package cl.ventanilla.config.entity;

import jakarta.json.JsonObject;

/** Something whose changes are written to the audit log, with its state before and after each change. */
public interface Audited {

    /** The table it lives in, which is what the audit log calls the entity: {@code servicios}. */
    String auditEntity();

    /** Its id as the audit log keeps it. */
    String auditId();

    /** How a sentence in Spanish names it: «la unidad "Tesorería Municipal"». */
    String auditLabel();

    /** The fields an administrator cares about, as JSON; references to other rows by id. */
    JsonObject snapshot();
}
