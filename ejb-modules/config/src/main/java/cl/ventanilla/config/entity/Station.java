package cl.ventanilla.config.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A desk of a unit ("Módulo 4") and the services it can attend; its name is what the lobby screen shows. */
@Entity
@Table(name = "estaciones")
public class Station {

    public static final int NAME_LENGTH = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unidad_id", nullable = false)
    private Unit unit;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(name = "nombre", nullable = false, length = NAME_LENGTH)
    private String name;

    @Min(1)
    @Column(name = "numero", nullable = false)
    private int number;

    @Column(name = "activo", nullable = false)
    private boolean active = true;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "estacion_servicios",
            joinColumns = @JoinColumn(name = "estacion_id"),
            inverseJoinColumns = @JoinColumn(name = "servicio_id"))
    private Set<MunicipalService> services = new LinkedHashSet<>();

    protected Station() {
        // for JPA
    }

    public Station(Unit unit, int number, String name) {
        this.unit = Objects.requireNonNull(unit, "unit");
        if (number < 1) {
            throw new IllegalArgumentException("A station number is positive: " + number);
        }
        this.number = number;
        this.name = Objects.requireNonNull(name, "name").strip();
    }

    /** Lets this station attend a service of its own unit. */
    public void attend(MunicipalService service) {
        if (!service.getUnit().getId().equals(unit.getId())) {
            throw new IllegalArgumentException("A station attends only services of its own unit");
        }
        services.add(service);
    }

    public UUID getId() {
        return id;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getName() {
        return name;
    }

    public int getNumber() {
        return number;
    }

    public boolean isActive() {
        return active;
    }

    public Set<MunicipalService> getServices() {
        return Collections.unmodifiableSet(services);
    }
}
