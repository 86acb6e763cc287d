package cl.ventanilla.config.entity;

import static cl.ventanilla.kernel.JsonText.JSON;

import cl.ventanilla.kernel.audit.AuditEvent;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of the audit log ({@code auditoria}): who changed what, when, and the relevant fields
 * before and after. Written once, never changed.
 */
@Entity
@Table(name = "auditoria")
@JsonbPropertyOrder({"id", "at", "actorRut", "actorName", "action", "entity", "entityId", "description",
    "before", "after"})
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "usuario_id", updatable = false)
    private UUID actorId;

    @Column(name = "usuario_rut", length = 12, updatable = false)
    private String actorRut;

    @Column(name = "usuario_nombre", length = 120, updatable = false)
    private String actorName;

    @Column(name = "accion", nullable = false, length = 40, updatable = false)
    private String action;

    @Column(name = "entidad", nullable = false, length = 60, updatable = false)
    private String entity;

    @Column(name = "entidad_id", length = 64, updatable = false)
    private String entityId;

    @Column(name = "descripcion", length = 500, updatable = false)
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "datos_anteriores", updatable = false)
    private String beforeJson;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "datos_nuevos", updatable = false)
    private String afterJson;

    @Column(name = "fecha_creacion", nullable = false, updatable = false)
    private Instant at;

    protected AuditEntry() {
        // for JPA
    }

    /** The entry for an announced change, made by the given actor (all {@code null} when nobody signed in). */
    public AuditEntry(AuditEvent event, Actor actor, Instant at) {
        this.action = cut(event.action(), 40);
        this.entity = cut(event.entity(), 60);
        this.entityId = cut(event.entityId(), 64);
        this.description = cut(event.description(), 500);
        this.beforeJson = event.before();
        this.afterJson = event.after();
        this.actorId = actor.id();
        this.actorRut = actor.rut();
        this.actorName = cut(actor.name(), 120);
        this.at = at;
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public UUID getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActorRut() {
        return actorRut;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getEntity() {
        return entity;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getDescription() {
        return description;
    }

    public JsonValue getBefore() {
        return parse(beforeJson);
    }

    public JsonValue getAfter() {
        return parse(afterJson);
    }

    private static JsonValue parse(String json) {
        if (json == null) {
            return JsonValue.NULL;
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /**
     * Who made a change: the user's id, RUT and name at the time, or nobody.
     *
     * @param id   the user's id in {@code usuarios}, when the RUT belongs to one
     * @param rut  the normalized RUT the caller signed in with
     * @param name the user's name, or the caller's principal name when it is not a RUT
     */
    public record Actor(UUID id, String rut, String name) {

        public static final Actor NOBODY = new Actor(null, null, null);
    }
}
