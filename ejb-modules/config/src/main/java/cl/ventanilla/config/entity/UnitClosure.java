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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Days a single unit does not attend although it is not a holiday (a move, a fumigation, a strike):
 * one date or a range of dates, both ends included, with the reason citizens are told.
 */
@Entity
@Table(name = UnitClosure.TABLE)
@JsonbPropertyOrder({"id", "unitId", "from", "to", "reason"})
public class UnitClosure implements Audited {

    public static final String TABLE = "cierres_unidad";
    public static final int REASON_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NotNull
    @Column(name = "unidad_id", nullable = false, updatable = false)
    private UUID unitId;

    @NotNull
    @Column(name = "fecha_desde", nullable = false)
    private LocalDate firstDay;

    @NotNull
    @Column(name = "fecha_hasta", nullable = false)
    private LocalDate lastDay;

    @NotBlank
    @Size(max = REASON_LENGTH)
    @Column(name = "motivo", nullable = false, length = REASON_LENGTH)
    private String reason;

    protected UnitClosure() {
        // for JPA
    }

    public UnitClosure(UUID unitId, LocalDate from, LocalDate to, String reason) {
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        reschedule(from, to);
        explain(reason);
    }

    /** The first and last day closed, both included. */
    public void reschedule(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ConfigException.invalid("closure.datesRequired");
        }
        if (to.isBefore(from)) {
            throw ConfigException.invalid("closure.endBeforeStart", from, to);
        }
        this.firstDay = from;
        this.lastDay = to;
    }

    public void explain(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ConfigException.invalid("closure.reasonRequired");
        }
        String text = reason.strip();
        if (text.length() > REASON_LENGTH) {
            throw ConfigException.invalid("text.tooLong", REASON_LENGTH);
        }
        this.reason = text;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    public UUID getId() {
        return id;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public LocalDate getFrom() {
        return firstDay;
    }

    public LocalDate getTo() {
        return lastDay;
    }

    public String getReason() {
        return reason;
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
        return "el cierre del " + firstDay + " al " + lastDay + " («" + reason + "»)";
    }

    @Override
    public JsonObject snapshot() {
        return Snapshot.of("unitId", unitId, "from", firstDay, "to", lastDay, "reason", reason);
    }
}
