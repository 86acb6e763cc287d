package cl.ventanilla.queue.control;

import cl.ventanilla.queue.entity.QueueException;
import cl.ventanilla.queue.entity.QueueRules;
import cl.ventanilla.queue.entity.Station;
import cl.ventanilla.queue.entity.StationPause;
import cl.ventanilla.queue.entity.StationSession;
import cl.ventanilla.queue.entity.Ticket;
import cl.ventanilla.queue.entity.TicketNumber;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The queries of the day's queues. Taking the next ticket locks it with {@code FOR UPDATE SKIP LOCKED}:
 * a ticket another station is taking at the same moment is passed over instead of waited for, and as
 * each transaction locks only the one ticket it takes, nothing is left behind. The station's own calls
 * are serialised by a transaction-scoped advisory lock on the station, on any application instance.
 */
@Dependent
public class Queues {

    /** First key of the advisory locks of stations, so they do not meet other advisory locks. */
    private static final int STATION_LOCKS = 0x5155_4555; // "QUEU"

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    @Inject
    QueueSettings settings;

    public Ticket ticket(UUID id) {
        return findTicket(id).orElseThrow(() -> QueueException.notFound("ticket.notFound", id));
    }

    public Optional<Ticket> findTicket(UUID id) {
        return Optional.ofNullable(em.find(Ticket.class, id));
    }

    /** How many tickets wait in a service's queue now, and since when the first of them waits. */
    public record Waiting(int tickets, Instant since) {
    }

    /**
     * The day's waiting tickets of every service with someone waiting, in one query over the partial
     * index of waiting tickets (V6__indices_cola.sql): the metrics read it every few seconds.
     */
    public Map<UUID, Waiting> waitingNow(LocalDate day) {
        List<?> rows = em.createNativeQuery("""
                SELECT servicio_atencion_id, count(*), CAST(extract(epoch FROM min(hora_ingreso_cola)) * 1000 AS bigint)
                FROM turnos WHERE fecha = CAST(:day AS date) AND estado = 'ESPERANDO'
                GROUP BY servicio_atencion_id""").setParameter("day", day.toString()).getResultList();
        Map<UUID, Waiting> waiting = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            waiting.put((UUID) r[0], new Waiting(((Number) r[1]).intValue(), Instant.ofEpochMilli(((Number) r[2]).longValue())));
        }
        return waiting;
    }

    /**
     * Since when each waiting ticket of the services waits, per service in arrival order: the supervisor's
     * forecast of the SLA. Reads the partial index of waiting tickets per service (V6__indices_cola.sql).
     */
    public Map<UUID, List<Instant>> waitingSince(Collection<UUID> services, LocalDate day) {
        if (services.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("""
                SELECT servicio_atencion_id, CAST(extract(epoch FROM hora_ingreso_cola) * 1000 AS bigint)
                FROM turnos WHERE servicio_atencion_id IN (:services) AND fecha = CAST(:day AS date)
                  AND estado = 'ESPERANDO'
                ORDER BY servicio_atencion_id, hora_ingreso_cola, numero""")
                .setParameter("services", services).setParameter("day", day.toString()).getResultList();
        Map<UUID, List<Instant>> waiting = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            waiting.computeIfAbsent((UUID) r[0], s -> new ArrayList<>())
                    .add(Instant.ofEpochMilli(((Number) r[1]).longValue()));
        }
        return waiting;
    }

    /** How many attentions of a service finished today and how long they took together. */
    public record FinishedToday(int attentions, Duration total) {
    }

    /** The attentions of the services finished on the day (those that were started), per service. */
    public Map<UUID, FinishedToday> finishedToday(Collection<UUID> services, LocalDate day) {
        if (services.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("""
                SELECT servicio_atencion_id, count(*),
                       CAST(sum(extract(epoch FROM hora_fin_atencion - hora_inicio_atencion)) * 1000 AS bigint)
                FROM turnos WHERE servicio_atencion_id IN (:services) AND fecha = CAST(:day AS date)
                  AND estado = 'FINALIZADO' AND hora_inicio_atencion IS NOT NULL AND hora_fin_atencion IS NOT NULL
                GROUP BY servicio_atencion_id""")
                .setParameter("services", services).setParameter("day", day.toString()).getResultList();
        Map<UUID, FinishedToday> finished = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            finished.put((UUID) r[0], new FinishedToday(((Number) r[1]).intValue(),
                    Duration.ofMillis(Math.max(0, ((Number) r[2]).longValue()))));
        }
        return finished;
    }

    /** The day's tickets called to or being served at the stations, one per station at most. */
    public List<Ticket> occupyingAll(Collection<UUID> stationIds, LocalDate day) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                SELECT t FROM Ticket t WHERE t.stationId IN :stations AND t.day = :day
                AND t.state IN (cl.ventanilla.queue.entity.TicketState.CALLED,
                                cl.ventanilla.queue.entity.TicketState.IN_SERVICE)""", Ticket.class)
                .setParameter("stations", stationIds).setParameter("day", day).getResultList();
    }

    /** The open sessions (active or paused) of the stations. */
    public List<StationSession> openSessions(Collection<UUID> stationIds) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                SELECT s FROM StationSession s WHERE s.stationId IN :stations
                AND s.closedAt IS NULL""", StationSession.class)
                .setParameter("stations", stationIds).getResultList();
    }

    /** Waits until no other transaction works for the station, and holds it until this one ends. */
    public void lockStation(UUID stationId) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:space, :key)) AS locked")
                .setParameter("space", STATION_LOCKS).setParameter("key", stationId.hashCode())
                .getSingleResult();
    }

    /** The ticket of the day called to or being served at the station, if any. */
    public Optional<Ticket> occupying(UUID stationId, LocalDate day) {
        return em.createQuery("""
                SELECT t FROM Ticket t WHERE t.stationId = :station AND t.day = :day
                AND t.state IN (cl.ventanilla.queue.entity.TicketState.CALLED,
                                cl.ventanilla.queue.entity.TicketState.IN_SERVICE)""", Ticket.class)
                .setParameter("station", stationId).setParameter("day", day).setMaxResults(1).getResultStream().findFirst();
    }

    /** The station's open session (active or paused), if an operator sits there. */
    public Optional<StationSession> openSession(UUID stationId) {
        return em.createQuery("""
                SELECT s FROM StationSession s WHERE s.stationId = :station
                AND s.closedAt IS NULL""", StationSession.class)
                .setParameter("station", stationId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The operator's open session, at whichever station. */
    public Optional<StationSession> openSessionOf(UUID operatorId) {
        return em.createQuery("""
                SELECT s FROM StationSession s WHERE s.operatorId = :operator
                AND s.closedAt IS NULL""", StationSession.class)
                .setParameter("operator", operatorId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The pause of the session still in course, if any. */
    public Optional<StationPause> openPause(UUID sessionId) {
        return em.createQuery("SELECT p FROM StationPause p WHERE p.sessionId = :session AND p.endedAt IS NULL",
                StationPause.class).setParameter("session", sessionId).getResultStream().findFirst();
    }

    /** A paused station as the lobby shows it: no reason, no operator, only that it does not call now. */
    public record PausedStation(UUID stationId, String name, int number, Instant since) {
    }

    /** The unit's stations paused now, by number. */
    public List<PausedStation> pausedStations(UUID unitId) {
        List<?> rows = em.createNativeQuery("""
                SELECT e.id, e.nombre, e.numero, CAST(extract(epoch FROM s.pausa_desde) * 1000 AS bigint)
                FROM sesiones_estacion s JOIN estaciones e ON e.id = s.estacion_id
                WHERE e.unidad_id = :unit AND s.estado = 'PAUSADA' AND s.fin IS NULL AND e.activo
                ORDER BY e.numero""").setParameter("unit", unitId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new PausedStation((UUID) r[0], (String) r[1],
                ((Number) r[2]).intValue(), Instant.ofEpochMilli(((Number) r[3]).longValue()))).toList();
    }

    /** One step of the routing: a kind of waiting ticket to look for, in order. */
    private enum Pick {
        APPOINTMENT, OVERDUE, PREFERENTIAL, NORMAL
    }

    /**
     * Locks and returns the next ticket of the day waiting in one of the station's services, by the unit's
     * rules; empty when nobody waits (or every waiting ticket is being taken by others). The order, the one
     * place it is written:
     * <ol>
     * <li>appointments due: checked-in appointment tickets whose booked time has come (at or before
     * {@code now}), earliest booked first;</li>
     * <li>tickets that have waited strictly longer than the maximum wait, oldest first, whatever their
     * class;</li>
     * <li>then the class that is due at this station: its first call of the day goes to a preferential
     * ticket (the law gives them priority); after {@code preferentialRatio} preferential calls in a row it
     * owes {@code normalRatio} normal ones, and after those the preferential ones again. Every call of the
     * station that day counts in its ticket's class, appointments and overdue tickets too;</li>
     * <li>if the due class has nobody waiting, the other one, so nobody waits for an empty class.</li>
     * </ol>
     * Within each step first come first served: by the time the ticket joined this queue (a transferred
     * ticket joins the other queue when transferred), then by number. Each desk interleaves by its own
     * calls, so two desks never need to agree.
     */
    public Optional<Ticket> takeNext(UUID stationId, List<UUID> services, LocalDate day, QueueRules rules,
            Instant now) {
        boolean preferentialDue = preferentialDue(rules,
                recentCalls(stationId, day, Math.max(rules.preferentialRatio(), rules.normalRatio()) + 1));
        List<Pick> picks = preferentialDue
                ? List.of(Pick.APPOINTMENT, Pick.OVERDUE, Pick.PREFERENTIAL, Pick.NORMAL)
                : List.of(Pick.APPOINTMENT, Pick.OVERDUE, Pick.NORMAL, Pick.PREFERENTIAL);
        for (Pick pick : picks) {
            String condition = switch (pick) {
                case APPOINTMENT -> "AND hora_agendada <= :now ORDER BY hora_agendada, ";
                case OVERDUE -> "AND hora_ingreso_cola < :overdue ORDER BY ";
                case PREFERENTIAL -> "AND preferencial ORDER BY ";
                case NORMAL -> "AND NOT preferencial ORDER BY ";
            };
            var query = em.createNativeQuery("""
                    SELECT id FROM turnos
                    WHERE servicio_atencion_id IN (:services) AND fecha = CAST(:day AS date) AND estado = 'ESPERANDO'
                    """ + condition + """
                    hora_ingreso_cola, numero LIMIT 1 FOR UPDATE SKIP LOCKED""", UUID.class)
                    .setParameter("services", services).setParameter("day", day.toString());
            // bound as offset date-times, to the microsecond the column keeps (no JVM zone, no rounding)
            if (pick == Pick.APPOINTMENT) {
                query.setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            }
            if (pick == Pick.OVERDUE) {
                query.setParameter("overdue", OffsetDateTime.ofInstant(now.minus(rules.maxWait()), ZoneOffset.UTC));
            }
            List<?> found = query.getResultList();
            if (!found.isEmpty()) {
                return Optional.of(em.find(Ticket.class, found.get(0)));
            }
        }
        return Optional.empty();
    }

    /** Whether each of the station's latest calls of the day was preferential, newest first. */
    private List<Boolean> recentCalls(UUID stationId, LocalDate day, int howMany) {
        return em.createNativeQuery("""
                SELECT t.preferencial FROM turno_eventos e JOIN turnos t ON t.id = e.turno_id
                WHERE e.estacion_id = :station AND e.tipo = 'LLAMADO' AND t.fecha = CAST(:day AS date)
                ORDER BY e.fecha_hora DESC, e.fecha_creacion DESC LIMIT :n""", Boolean.class)
                .setParameter("station", stationId).setParameter("day", day.toString()).setParameter("n", howMany)
                .getResultList().stream().map(Boolean.class::cast).toList();
    }

    /** Which class the station owes, from the run of same-class calls it made last (newest first). */
    private static boolean preferentialDue(QueueRules rules, List<Boolean> recent) {
        if (recent.isEmpty()) {
            return true;
        }
        boolean lastWasPreferential = recent.get(0);
        int run = 0;
        while (run < recent.size() && recent.get(run) == lastWasPreferential) {
            run++;
        }
        return lastWasPreferential ? rules.normalRatio() == 0 || run < rules.preferentialRatio()
                : run >= rules.normalRatio();
    }

    /** Walk-in tickets issued for a service on a day (appointments' check-ins are not walk-ins). */
    public int walkInsIssued(UUID serviceId, LocalDate day) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM turnos
                WHERE servicio_id = :service AND fecha = CAST(:day AS date) AND origen = 'PRESENCIAL'""")
                .setParameter("service", serviceId).setParameter("day", day.toString()).getSingleResult()).intValue();
    }

    /** A call shown on the lobby screen. */
    public record ShownCall(UUID ticketId, String number, String spokenNumber, UUID serviceId, String stationName,
            int stationNumber, Instant at, boolean recall) {
    }

    /**
     * The unit's latest calls and recalls of the day, newest first, one per ticket. The day's calls are read
     * newest first from their index and each ticket by its key, stopping at the first few of the unit: a
     * plain join let the planner, whose statistics lag behind a busy morning, read every call of the day.
     */
    public List<ShownCall> lastCalls(UUID unitId, LocalDate day, int howMany) {
        List<?> rows = em.createNativeQuery("""
                SELECT t.id, t.prefijo, t.numero, e.servicio_id, e.estacion_id,
                       CAST(extract(epoch FROM e.fecha_hora) * 1000 AS bigint), e.tipo
                FROM turno_eventos e
                CROSS JOIN LATERAL (SELECT x.id, x.prefijo, x.numero, x.unidad_id, x.fecha FROM turnos x
                                    WHERE x.id = e.turno_id OFFSET 0) t
                WHERE e.tipo IN ('LLAMADO', 'RELLAMADO')
                  AND e.fecha_hora >= to_timestamp(:from / 1000.0) AND e.fecha_hora < to_timestamp(:to / 1000.0)
                  AND t.unidad_id = :unit AND t.fecha = CAST(:day AS date)
                ORDER BY e.fecha_hora DESC LIMIT :n""")
                .setParameter("unit", unitId).setParameter("day", day.toString())
                .setParameter("from", day.atStartOfDay(QueueClock.ZONE).toInstant().toEpochMilli())
                .setParameter("to", day.plusDays(1).atStartOfDay(QueueClock.ZONE).toInstant().toEpochMilli())
                .setParameter("n", howMany * 4)
                .getResultList();
        Set<UUID> seen = new HashSet<>();
        return rows.stream().map(r -> (Object[]) r).filter(r -> seen.add((UUID) r[0])).limit(howMany)
                .map(r -> {
                    var number = new TicketNumber((String) r[1], ((Number) r[2]).intValue());
                    Station station = settings.station((UUID) r[4]);
                    return new ShownCall((UUID) r[0], number.shown(), number.spoken(), (UUID) r[3], station.name(),
                            station.number(), Instant.ofEpochMilli(((Number) r[5]).longValue()),
                            "RELLAMADO".equals(r[6]));
                }).toList();
    }
}
