package cl.ventanilla.queue.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * How long a citizen joining a service's queue now will wait, as a range p50–p90 in whole minutes.
 *
 * <p><b>Method.</b> Two families of real-time estimators from Ibrahim &amp; Whitt, "Real-time delay
 * estimation based on delay history" (Manufacturing &amp; Service Operations Management 11(3), 2009) and
 * "Real-time delay estimation in overloaded multiserver queues with abandonments" (Management Science
 * 55(10), 2009), combined so the answer never promises less than the day's history supports:
 * <ol>
 * <li><b>Queue length (QL).</b> With {@code n} people ahead and {@code s} stations attending the
 * service, the newcomer enters service after {@code n + 1} service completions. With {@code s} busy
 * servers completions come on average every {@code m / s}, where {@code m} is the mean of the recent
 * service times (the last {@value #SAMPLE} finished attentions of the last {@value #HISTORY_DAYS} days,
 * or the service's configured average when there are fewer than {@value #MIN_SAMPLE}). The wait is a
 * sum of {@code n + 1} inter-completion times: mean {@code (n + 1) m / s} and, as they are nearly
 * independent, standard deviation {@code sqrt(n + 1) σ / s}, where {@code σ} is the sample deviation
 * but at least {@code m} (inter-completion times of several desks are at least as variable as
 * exponential ones). p50 is the mean, p90 the normal quantile {@code mean + 1.2816 sd}.</li>
 * <li><b>Delay history.</b> The last-to-enter-service estimator (LES): the wait of the last ticket of
 * the service that was called, if it was called in the last hour; and the head-of-line estimator (HOL):
 * how long the first ticket still waiting has waited so far. Under a steady load the newcomer waits
 * about as long as them; these react to what is actually happening at the desks (an operator on a break,
 * slow cases) that the QL estimate cannot see.</li>
 * </ol>
 * The range is {@code p50 = max(QL p50, LES, HOL)} and {@code p90 = max(QL p90, p50, 1.25 × the
 * largest history delay)}, rounded up to whole minutes.
 */
@Dependent
public class WaitEstimator {

    static final int SAMPLE = 30;
    static final int MIN_SAMPLE = 5;
    static final int HISTORY_DAYS = 14;
    static final Duration LES_FRESHNESS = Duration.ofHours(1);
    private static final double Z90 = 1.2816;

    /**
     * Per service: how many wait, the recent service times (newest first), the wait of the last ticket
     * called if recent, how long the head of the line has waited. Plain SQL on the transaction's
     * connection: it runs for every ticket issued and every lobby snapshot.
     */
    private static final String OBSERVE = """
            WITH p AS (SELECT CAST(? AS uuid[]) AS services, CAST(? AS date) AS day, CAST(? AS date) AS since,
                              CAST(? AS timestamptz) AS now, CAST(? AS timestamptz) AS fresh, CAST(? AS int) AS sample)
            SELECT s.id,
              (SELECT count(*) FROM turnos t WHERE t.servicio_atencion_id = s.id AND t.fecha = p.day
                 AND t.estado = 'ESPERANDO'),
              (SELECT string_agg(CAST(r.seconds AS text), ',') FROM (
                 SELECT CAST(extract(epoch FROM t.hora_fin_atencion - t.hora_inicio_atencion) AS bigint) AS seconds
                 FROM turnos t WHERE t.servicio_atencion_id = s.id AND t.estado = 'FINALIZADO'
                   AND t.hora_inicio_atencion IS NOT NULL AND t.fecha >= p.since AND t.hora_fin_atencion <= p.now
                 ORDER BY t.hora_fin_atencion DESC LIMIT p.sample) r),
              (SELECT CAST(extract(epoch FROM t.hora_llamado - t.hora_ingreso_cola) AS bigint) FROM turnos t
                 WHERE t.servicio_atencion_id = s.id AND t.fecha = p.day AND t.hora_llamado IS NOT NULL
                   AND t.hora_llamado BETWEEN p.fresh AND p.now
                 ORDER BY t.hora_llamado DESC LIMIT 1),
              (SELECT CAST(extract(epoch FROM p.now - t.hora_ingreso_cola) AS bigint) FROM turnos t
                 WHERE t.servicio_atencion_id = s.id AND t.fecha = p.day AND t.estado = 'ESPERANDO'
                 ORDER BY t.hora_ingreso_cola LIMIT 1)
            FROM p, unnest(p.services) AS s(id)""";

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    /** A range of minutes. */
    public record WaitRange(int p50Minutes, int p90Minutes) {

        public WaitRange {
            if (p50Minutes < 0 || p90Minutes < p50Minutes) {
                throw new IllegalArgumentException("invalid range " + p50Minutes + "–" + p90Minutes);
            }
        }
    }

    /**
     * What the estimate is made of.
     *
     * @param peopleAhead         tickets waiting before the newcomer
     * @param servers             stations attending the service (at least 1 is assumed)
     * @param recentServiceTimes  recent service times, any order
     * @param configuredAverage   the service's configured average, used when the history is short
     * @param lastToEnterService  the wait of the last ticket called, if recent
     * @param headOfLine          how long the first waiting ticket has waited so far, if any waits
     */
    public record Inputs(int peopleAhead, int servers, List<Duration> recentServiceTimes, Duration configuredAverage,
            Optional<Duration> lastToEnterService, Optional<Duration> headOfLine) {
    }

    /**
     * What the database shows of a service's queue now: how many tickets wait, the recent service times,
     * the wait of the last ticket called (if recent) and how long the head of the line has waited.
     */
    public record Observation(int waiting, List<Duration> recentServiceTimes, Optional<Duration> lastToEnterService,
            Optional<Duration> headOfLine) {

        /** The estimate's inputs for a newcomer with {@code peopleAhead} before them. */
        public Inputs inputs(int peopleAhead, int servers, Duration configuredAverage) {
            return new Inputs(peopleAhead, servers, recentServiceTimes, configuredAverage, lastToEnterService,
                    headOfLine.filter(d -> !d.isNegative()));
        }
    }

    /**
     * The observations of several services in one query (the lobby shows all of a unit's services; a
     * ticket needs one): each part reads a few index entries (see V6__indices_cola.sql), so the cost does
     * not grow with the day's tickets.
     */
    public Map<UUID, Observation> observe(Collection<UUID> services, Instant now, LocalDate day) {
        if (services.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Observation> observed = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(OBSERVE)) {
                query.setArray(1, connection.createArrayOf("uuid", services.toArray()));
                query.setObject(2, day);
                query.setObject(3, day.minusDays(HISTORY_DAYS));
                query.setObject(4, now.atOffset(ZoneOffset.UTC));
                query.setObject(5, now.minus(LES_FRESHNESS).atOffset(ZoneOffset.UTC));
                query.setInt(6, SAMPLE);
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        String sample = r.getString(3);
                        List<Duration> times = sample == null ? List.of()
                                : Arrays.stream(sample.split(",")).map(t -> Duration.ofSeconds(Long.parseLong(t))).toList();
                        observed.put(r.getObject(1, UUID.class), new Observation(r.getInt(2), times, seconds(r, 4),
                                seconds(r, 5)));
                    }
                }
            }
        });
        return observed;
    }

    private static Optional<Duration> seconds(ResultSet row, int column) throws SQLException {
        long seconds = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    /** The estimate from its inputs; see the class comment for the method. */
    public WaitRange estimate(Inputs in) {
        return exactly(in).minutes();
    }

    /** The range in whole seconds (rounded up), which the whole minutes a citizen is shown are rounded up from. */
    public record ExactRange(long p50Seconds, long p90Seconds) {

        /** The whole minutes a citizen is shown, rounded up. */
        public WaitRange minutes() {
            return new WaitRange((int) Math.ceil(p50Seconds / 60.0), (int) Math.ceil(p90Seconds / 60.0));
        }

        /** The range of whichever of two ways to be called comes first (the p90 no earlier than that p50). */
        public static ExactRange earlier(ExactRange one, ExactRange other) {
            return new ExactRange(Math.min(one.p50Seconds(), other.p50Seconds()),
                    Math.min(one.p90Seconds(), other.p90Seconds()));
        }
    }

    /** The estimate in seconds: what the kiosk's whole minutes are rounded up from. */
    public ExactRange exactly(Inputs in) {
        Rates rates = rates(in);
        int servers = Math.max(1, in.servers());
        int completions = in.peopleAhead() + 1;
        double qlP50 = completions * rates.mean() / servers;
        double qlP90 = qlP50 + Z90 * Math.sqrt(completions) * rates.deviation() / servers;
        double history = Math.max(in.lastToEnterService().map(WaitEstimator::minutes).orElse(0.0),
                in.headOfLine().map(WaitEstimator::minutes).orElse(0.0));
        double p50 = Math.max(qlP50, history);
        double p90 = Math.max(Math.max(qlP90, p50), 1.25 * history);
        return seconds(p50, p90);
    }

    /**
     * The wait of an appointment's ticket checked in {@code untilStart} before its booked time (negative when
     * late). Until that time it waits in the line by its arrival ({@code byArrival}: the people before it
     * there, and the queue's history) and may be called from there; once its time comes it is called
     * before every walk-in, after the appointments booked at or before it ({@link Queues#takeNext}). Its
     * promise is the {@link ExactRange#earlier earlier} of the two: {@link #exactly} for the line, and
     * {@link #atBookedTime} for its time.
     */
    public ExactRange forAppointment(Inputs byArrival, int appointmentsAhead, Duration untilStart) {
        return ExactRange.earlier(exactly(byArrival), atBookedTime(byArrival, appointmentsAhead, untilStart));
    }

    /**
     * The wait of an appointment's ticket if it waits for its booked time: that time, then as many
     * completions at the desks as the {@code appointmentsAhead} booked before it still waiting then, plus
     * one. Until its time the desks finish about {@code s / m} attentions a minute, which call the earlier
     * appointments as they fall due. The line's people and history ({@code in.peopleAhead()}, LES, HOL) do
     * not delay it.
     */
    ExactRange atBookedTime(Inputs in, int appointmentsAhead, Duration untilStart) {
        Rates rates = rates(in);
        int servers = Math.max(1, in.servers());
        double until = Math.max(0, minutes(untilStart));
        int stillAhead = (int) Math.max(0, appointmentsAhead - Math.floor(until * servers / rates.mean()));
        int completions = stillAhead + 1;
        double p50 = until + completions * rates.mean() / servers;
        return seconds(p50, p50 + Z90 * Math.sqrt(completions) * rates.deviation() / servers);
    }

    /** The mean and the deviation of a service time, in minutes: of the recent sample, or the configured average. */
    private record Rates(double mean, double deviation) {
    }

    private static Rates rates(Inputs in) {
        List<Duration> sample = in.recentServiceTimes();
        if (sample.size() < MIN_SAMPLE) {
            double mean = minutes(in.configuredAverage());
            return new Rates(mean, mean);
        }
        double mean = sample.stream().mapToDouble(WaitEstimator::minutes).average().orElseThrow();
        double variance = sample.stream().mapToDouble(d -> Math.pow(minutes(d) - mean, 2)).sum() / (sample.size() - 1);
        return new Rates(mean, Math.max(Math.sqrt(variance), mean));
    }

    private static ExactRange seconds(double p50Minutes, double p90Minutes) {
        return new ExactRange((long) Math.ceil(p50Minutes * 60), (long) Math.ceil(p90Minutes * 60));
    }

    private static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }
}
