package cl.ventanilla.config.entity;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A municipal directorate (Dirección de Tránsito, DIDECO…): the top of the municipality's structure.
 * Never deleted, because units, and through them tickets and appointments, refer to it: deactivated.
 */
@Entity
@Table(name = Directorate.TABLE)
@JsonbPropertyOrder({"id", "name", "description", "active"})
public class Directorate implements Audited {

    public static final String TABLE = "direcciones_municipales";
    public static final int NAME_LENGTH = 120;
    public static final int DESCRIPTION_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(name = "nombre", nullable = false, length = NAME_LENGTH)
    private String name;

    @Size(max = DESCRIPTION_LENGTH)
    @Column(name = "descripcion", length = DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "activo", nullable = false)
    private boolean active = true;

    protected Directorate() {
        // for JPA
    }

    public Directorate(String name, String description) {
        rename(name);
        describe(description);
    }

    public void rename(String name) {
        this.name = Text.name(name, NAME_LENGTH);
    }

    public void describe(String description) {
        this.description = Text.optional(description, DESCRIPTION_LENGTH);
    }

    /** Hides the directorate from new configuration and from the public directory; its history stays. */
    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isActive() {
        return active;
    }

    @Override
    public String auditEntity() {
        return TABLE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public String auditLabel() {
        return "la dirección «" + name + "»";
    }

    @Override
    public JsonObject snapshot() {
        return Snapshot.of("name", name, "description", description, "active", active);
    }
}
