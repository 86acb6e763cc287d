package cl.ventanilla.config.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.UUID;

/**
 * A service a unit offers to citizens ("Renovación de licencia de conducir"): how long an attention
 * takes, the letter its tickets carry, the requirements citizens must bring, and whether and how it
 * can be booked.
 */
@Entity
@Table(name = "servicios")
@JsonbPropertyOrder({"id", "name", "description", "prefix", "requirements", "averageAttentionMinutes",
    "takesAppointments", "slotMinutes", "dailyWalkInQuota", "slaMinutes", "unit"})
public class MunicipalService {

    public static final int NAME_LENGTH = 120;
    public static final int DESCRIPTION_LENGTH = 500;
    public static final int PREFIX_LENGTH = 2;
    public static final String PREFIX_PATTERN = "^[A-Z]{1,2}$";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unidad_id", nullable = false)
    private Unit unit;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(name = "nombre", nullable = false, length = NAME_LENGTH)
    private String name;

    @Size(max = DESCRIPTION_LENGTH)
    @Column(name = "descripcion", length = DESCRIPTION_LENGTH)
    private String description;

    @NotNull
    @Pattern(regexp = PREFIX_PATTERN)
    @Column(name = "prefijo", nullable = false, length = PREFIX_LENGTH)
    private String prefix;

    @Column(name = "requisitos")
    private String requirements;

    @Min(1)
    @Column(name = "duracion_promedio_min", nullable = false)
    private int averageAttentionMinutes = 15;

    @Column(name = "acepta_agendamiento", nullable = false)
    private boolean takesAppointments = true;

    @Min(1)
    @Column(name = "duracion_bloque_min", nullable = false)
    private int slotMinutes = 20;

    /** Walk-in tickets a day; {@code null} means no limit. */
    @Min(0)
    @Column(name = "cupo_diario_presencial")
    private Integer dailyWalkInQuota;

    @Min(1)
    @Column(name = "sla_minutos", nullable = false)
    private int slaMinutes = 30;

    @Min(1)
    @Column(name = "horizonte_dias", nullable = false)
    private int bookingHorizonDays = 30;

    @Min(0)
    @Column(name = "anticipacion_minima_min", nullable = false)
    private int minimumLeadMinutes = 120;

    @Column(name = "activo", nullable = false)
    private boolean active = true;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MunicipalService() {
        // for JPA
    }

    public MunicipalService(Unit unit, String name, String prefix) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.name = Objects.requireNonNull(name, "name").strip();
        this.prefix = Objects.requireNonNull(prefix, "prefix").strip().toUpperCase();
        if (!this.prefix.matches(PREFIX_PATTERN)) {
            throw new IllegalArgumentException("A ticket prefix is one or two letters A–Z: " + prefix);
        }
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

    public String getDescription() {
        return description;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getRequirements() {
        return requirements;
    }

    public int getAverageAttentionMinutes() {
        return averageAttentionMinutes;
    }

    public boolean isTakesAppointments() {
        return takesAppointments;
    }

    public int getSlotMinutes() {
        return slotMinutes;
    }

    public Integer getDailyWalkInQuota() {
        return dailyWalkInQuota;
    }

    public int getSlaMinutes() {
        return slaMinutes;
    }

    @JsonbTransient
    public int getBookingHorizonDays() {
        return bookingHorizonDays;
    }

    @JsonbTransient
    public int getMinimumLeadMinutes() {
        return minimumLeadMinutes;
    }

    @JsonbTransient
    public boolean isActive() {
        return active;
    }

    /** Stops offering the service; tickets and appointments that refer to it keep it. */
    public void deactivate() {
        this.active = false;
    }
}
