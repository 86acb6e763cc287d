package cl.ventanilla.config.entity;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
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
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A desk of a unit ("Módulo 4") and the services it can attend; its name and number are what the
 * lobby screen shows. Never deleted (tickets refer to it): deactivated. It never moves to another
 * unit, because tickets keep the pair (station, unit).
 */
@Entity
@Table(name = Station.TABLE)
@JsonbPropertyOrder({"id", "number", "name", "active", "serviceIds", "unit"})
public class Station implements Audited {

    public static final String TABLE = "estaciones";
    public static final int NAME_LENGTH = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unidad_id", nullable = false, updatable = false)
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
        renumber(number);
        rename(name);
    }

    public void rename(String name) {
        this.name = Text.name(name, NAME_LENGTH);
    }

    /** The number the lobby screen calls citizens to ("Módulo 4"); unique within the unit. */
    public void renumber(int number) {
        if (number < 1) {
            throw ConfigException.invalid("station.number", number);
        }
        this.number = number;
    }

    /** Lets this station attend a service of its own unit. */
    public void attend(MunicipalService service) {
        refuseOtherUnits(List.of(service));
        services.add(service);
    }

    /** The services this station attends from now on, all of its own unit; the others are dropped. */
    public void attendOnly(Collection<MunicipalService> attended) {
        refuseOtherUnits(attended);
        services.retainAll(attended);
        services.addAll(attended);
    }

    private void refuseOtherUnits(Collection<MunicipalService> attended) {
        attended.stream().filter(service -> !service.getUnit().getId().equals(unit.getId())).findFirst()
                .ifPresent(service -> {
                    throw ConfigException.invalid("station.serviceOfOtherUnit", service.getName(), unit.getName());
                });
    }

    public boolean attends(MunicipalService service) {
        return services.contains(service);
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
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

    @JsonbTransient
    public Set<MunicipalService> getServices() {
        return Collections.unmodifiableSet(services);
    }

    /** The ids of the services it attends, in the order of their names. */
    public List<UUID> getServiceIds() {
        return services.stream().sorted(Comparator.comparing(MunicipalService::getName))
                .map(MunicipalService::getId).toList();
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
        return "la estación «" + name + "» (n.º " + number + ")";
    }

    @Override
    public JsonObject snapshot() {
        return Snapshot.of("unitId", unit.getId(), "number", number, "name", name, "active", active,
                "serviceIds", services.stream().map(MunicipalService::getId).map(String::valueOf).sorted().toList());
    }
}
