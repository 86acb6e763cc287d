package cl.ventanilla.config.entity;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
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
 * can be booked. Never deleted (tickets and appointments refer to it): deactivated. It never moves to
 * another unit, because tickets and appointments keep the pair (service, unit).
 */
@Entity
@Table(name = MunicipalService.TABLE)
@JsonbPropertyOrder({"id", "name", "description", "prefix", "requirements", "averageAttentionMinutes",
    "takesAppointments", "slotMinutes", "dailyWalkInQuota", "slaMinutes", "bookingHorizonDays",
    "minimumLeadMinutes", "active", "unit"})
public class MunicipalService implements Audited {

    public static final String TABLE = "servicios";
    public static final int NAME_LENGTH = 120;
    public static final int DESCRIPTION_LENGTH = 500;
    public static final int REQUIREMENTS_LENGTH = 4000;
    public static final int PREFIX_LENGTH = 2;
    public static final String PREFIX_PATTERN = "^[A-Z]{1,2}$";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unidad_id", nullable = false, updatable = false)
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
        rename(name);
        changePrefix(prefix);
    }

    public void rename(String name) {
        this.name = Text.name(name, NAME_LENGTH);
    }

    /** The letter(s) its tickets carry ("R" → R-042); unique within the unit. */
    public void changePrefix(String prefix) {
        String letters = prefix == null ? "" : prefix.strip().toUpperCase();
        if (!letters.matches(PREFIX_PATTERN)) {
            throw ConfigException.invalid("service.prefix", prefix);
        }
        this.prefix = letters;
    }

    /** What citizens read about the service and what they must bring. */
    public void describe(String description, String requirements) {
        this.description = Text.optional(description, DESCRIPTION_LENGTH);
        this.requirements = Text.optional(requirements, REQUIREMENTS_LENGTH);
    }

    /**
     * How walk-in attention is planned: the average minutes an attention takes, the longest wait the
     * unit aims for, and how many walk-in tickets a day it hands out ({@code null}: no limit).
     */
    public void planAttention(int averageAttentionMinutes, int slaMinutes, Integer dailyWalkInQuota) {
        if (averageAttentionMinutes < 1) {
            throw ConfigException.invalid("service.averageAttentionMinutes");
        }
        if (slaMinutes < 1) {
            throw ConfigException.invalid("service.slaMinutes");
        }
        if (dailyWalkInQuota != null && dailyWalkInQuota < 0) {
            throw ConfigException.invalid("service.dailyWalkInQuota");
        }
        this.averageAttentionMinutes = averageAttentionMinutes;
        this.slaMinutes = slaMinutes;
        this.dailyWalkInQuota = dailyWalkInQuota;
    }

    /**
     * Whether and how citizens book it: slot length, how many days ahead, and the least time between
     * booking and the slot.
     */
    public void planBookings(boolean takesAppointments, int slotMinutes, int bookingHorizonDays,
            int minimumLeadMinutes) {
        if (slotMinutes < 1) {
            throw ConfigException.invalid("service.slotMinutes");
        }
        if (bookingHorizonDays < 1) {
            throw ConfigException.invalid("service.bookingHorizonDays");
        }
        if (minimumLeadMinutes < 0) {
            throw ConfigException.invalid("service.minimumLeadMinutes");
        }
        this.takesAppointments = takesAppointments;
        this.slotMinutes = slotMinutes;
        this.bookingHorizonDays = bookingHorizonDays;
        this.minimumLeadMinutes = minimumLeadMinutes;
    }

    /** Stops offering the service; tickets and appointments that refer to it keep it. */
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

    public int getBookingHorizonDays() {
        return bookingHorizonDays;
    }

    public int getMinimumLeadMinutes() {
        return minimumLeadMinutes;
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
        return "el servicio «" + name + "»";
    }

    @Override
    public JsonObject snapshot() {
        return Snapshot.of("unitId", unit.getId(), "name", name, "prefix", prefix, "description", description,
                "requirements", requirements, "averageAttentionMinutes", averageAttentionMinutes,
                "slaMinutes", slaMinutes, "dailyWalkInQuota", dailyWalkInQuota,
                "takesAppointments", takesAppointments, "slotMinutes", slotMinutes,
                "bookingHorizonDays", bookingHorizonDays, "minimumLeadMinutes", minimumLeadMinutes,
                "active", active);
    }
}
