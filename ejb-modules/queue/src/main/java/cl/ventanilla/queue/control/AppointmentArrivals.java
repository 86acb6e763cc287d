package cl.ventanilla.queue.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the kiosk's check-in needs of the appointments ({@code agendamientos}): a booking by its code,
 * a citizen's bookings of the day by RUT, and marking one as presented. The queue is not compiled
 * against the appointments module, so it reads and writes these few columns with SQL in one place;
 * the presented mark is the one write, made only from CONFIRMADO so two check-ins of one booking cannot
 * both succeed.
 */
@Dependent
public class AppointmentArrivals {

    /** The value of {@code agendamientos.estado} a booking must have to check in. */
    public static final String CONFIRMED = "CONFIRMADO";
    public static final String PRESENTED = "PRESENTADO";

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    /** A booking as the kiosk sees it. */
    public record Booking(UUID id, String code, UUID unitId, UUID serviceId, Instant startsAt, String state) {

        public boolean confirmed() {
            return CONFIRMED.equals(state);
        }
    }

    /** The booking with that code (codes are stored upper-case). */
    public Optional<Booking> byCode(String code) {
        return bookings("WHERE codigo = :value", code).stream().findFirst();
    }

    /** The citizen's confirmed bookings of the day (America/Santiago), earliest first. */
    public List<Booking> confirmedOfDay(String normalizedRut, LocalDate day) {
        return ofDay(normalizedRut, day, CONFIRMED);
    }

    /** The citizen's bookings of the day (America/Santiago) already checked in, earliest first. */
    public List<Booking> presentedOfDay(String normalizedRut, LocalDate day) {
        return ofDay(normalizedRut, day, PRESENTED);
    }

    private List<Booking> ofDay(String normalizedRut, LocalDate day, String state) {
        List<?> rows = em.createNativeQuery(SELECT + """
                WHERE rut_ciudadano = :rut AND estado = :state
                AND fecha_hora_inicio >= CAST(:day AS timestamp) AT TIME ZONE 'America/Santiago'
                AND fecha_hora_inicio < (CAST(:day AS timestamp) + interval '1 day') AT TIME ZONE 'America/Santiago'
                ORDER BY fecha_hora_inicio""").setParameter("rut", normalizedRut).setParameter("state", state)
                .setParameter("day", day.toString()).getResultList();
        return rows.stream().map(r -> booking((Object[]) r)).toList();
    }

    /**
     * Marks the booking as presented now, if it is still confirmed; the row stays locked until the
     * transaction ends, so a concurrent check-in of the same booking waits and then finds it presented.
     *
     * @return whether this call made the change
     */
    public boolean markPresented(UUID bookingId, Instant now) {
        return em.createNativeQuery("""
                UPDATE agendamientos SET estado = 'PRESENTADO', fecha_check_in = to_timestamp(:now / 1000.0),
                       version = version + 1, ultima_actualizacion = now()
                WHERE id = :id AND estado = 'CONFIRMADO'""")
                .setParameter("id", bookingId).setParameter("now", now.toEpochMilli()).executeUpdate() == 1;
    }

    private static final String SELECT = """
            SELECT id, codigo, unidad_id, servicio_id, CAST(extract(epoch FROM fecha_hora_inicio) * 1000 AS bigint), estado
            FROM agendamientos
            """;

    private List<Booking> bookings(String where, String value) {
        List<?> rows = em.createNativeQuery(SELECT + where).setParameter("value", value).getResultList();
        return rows.stream().map(r -> booking((Object[]) r)).toList();
    }

    private static Booking booking(Object[] r) {
        return new Booking((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3],
                Instant.ofEpochMilli(((Number) r[4]).longValue()), (String) r[5]);
    }
}
