package cl.ventanilla.config.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A row of a unit's weekly schedule ({@code horarios_unidad}); only its {@link Unit} changes it. */
@Entity
@Table(name = "horarios_unidad")
public class OpeningHours {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unidad_id", nullable = false)
    private Unit unit;

    /** ISO day of week, 1 = Monday … 7 = Sunday. */
    @Column(name = "dia_semana", nullable = false)
    private short day;

    @Column(name = "hora_apertura", nullable = false)
    private LocalTime opens;

    @Column(name = "hora_cierre", nullable = false)
    private LocalTime closes;

    protected OpeningHours() {
        // for JPA
    }

    OpeningHours(Unit unit, OpeningRange range) {
        this.unit = unit;
        this.day = (short) range.day().getValue();
        this.opens = range.opens();
        this.closes = range.closes();
    }

    OpeningRange range() {
        return new OpeningRange(DayOfWeek.of(day), opens, closes);
    }

    boolean startsLike(OpeningRange range) {
        return day == range.day().getValue() && opens.equals(range.opens());
    }

    void closeAt(LocalTime closes) {
        this.closes = closes;
    }
}
