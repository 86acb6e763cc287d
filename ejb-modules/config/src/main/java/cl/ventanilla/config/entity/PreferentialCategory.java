package cl.ventanilla.config.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A kind of citizen the law entitles to preferential attention (Leyes N° 21.168 y N° 21.768): persons
 * aged 60 or more, pregnant persons, persons with a disability credential and their registered
 * caregivers. A catalogue loaded as data; units choose which of them their queues recognize.
 */
@Entity
@Table(name = "categorias_preferenciales")
@JsonbPropertyOrder({"code", "name", "description", "legalBasis"})
public class PreferentialCategory {

    @Id
    private UUID id;

    @Column(name = "codigo", nullable = false, length = 40)
    private String code;

    @Column(name = "nombre", nullable = false, length = 120)
    private String name;

    @Column(name = "descripcion", length = 500)
    private String description;

    @Column(name = "base_legal", length = 200)
    private String legalBasis;

    @Column(name = "orden", nullable = false)
    private int order;

    @Column(name = "activo", nullable = false)
    private boolean active = true;

    protected PreferentialCategory() {
        // for JPA
    }

    @JsonbTransient
    public UUID getId() {
        return id;
    }

    /** Stable code other domains and screens use: PERSONA_MAYOR, EMBARAZO, DISCAPACIDAD, CUIDADOR. */
    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    @JsonbTransient
    public int getOrder() {
        return order;
    }

    @JsonbTransient
    public boolean isActive() {
        return active;
    }
}
