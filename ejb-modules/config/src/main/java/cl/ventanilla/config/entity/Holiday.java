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
 * A national holiday ({@code feriados}): while active, no unit attends nor offers appointments that
 * day. Loaded for the current and next year, editable because Chile moves some of them by law.
 */
@Entity
@Table(name = Holiday.TABLE)
@JsonbPropertyOrder({"id", "date", "name", "mandatory", "active"})
public class Holiday implements Audited {

    public static final String TABLE = "feriados";
    public static final int NAME_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NotNull
    @Column(name = "fecha", nullable = false)
    private LocalDate day;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(name = "nombre", nullable = false, length = NAME_LENGTH)
    private String name;

    /** "Feriado irrenunciable": a mandatory day off for retail workers (Ley N° 19.973). */
    @Column(name = "irrenunciable", nullable = false)
    private boolean mandatory;

    @Column(name = "activo", nullable = false)
    private boolean active = true;

    protected Holiday() {
        // for JPA
    }

    public Holiday(LocalDate date, String name, boolean mandatory) {
        moveTo(date);
        rename(name);
        this.mandatory = mandatory;
    }

    /** Moves the holiday to another date, as the law does with some of them ("se traslada al lunes"). */
    public void moveTo(LocalDate date) {
        this.day = Objects.requireNonNull(date, "date");
    }

    public void rename(String name) {
        this.name = Text.name(name, NAME_LENGTH);
    }

    public void markMandatory(boolean mandatory) {
        this.mandatory = mandatory;
    }

    /** The units attend that day after all (the holiday stays in the list, inactive). */
    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getDate() {
        return day;
    }

    public String getName() {
        return name;
    }

    public boolean isMandatory() {
        return mandatory;
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
        return "el feriado «" + name + "» del " + day;
    }

    @Override
    public JsonObject snapshot() {
        return Snapshot.of("date", day, "name", name, "mandatory", mandatory, "active", active);
    }
}
