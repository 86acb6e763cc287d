package cl.ventanilla.config.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.UUID;

/** A municipal directorate (Dirección de Tránsito, DIDECO…): the top of the municipality's structure. */
@Entity
@Table(name = "direcciones_municipales")
@JsonbPropertyOrder({"id", "name", "description"})
public class Directorate {

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
        this.name = Objects.requireNonNull(name, "name").strip();
        this.description = description;
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
}
