package cl.ventanilla.statistics.control;

import cl.ventanilla.statistics.entity.Dimension;
import cl.ventanilla.statistics.entity.Histogram;
import cl.ventanilla.statistics.entity.SummaryQuery;
import cl.ventanilla.statistics.entity.Totals;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the aggregates of a period, grouped by period and split: the service days ({@code estadisticas}) for a
 * total or a split by unit or service, the station days ({@code estadisticas_estaciones}) by station or operator,
 * the fine rows ({@code estadisticas_turnos}) by station or operator of one service.
 */
@Dependent
public class Summaries {

    /** A period's first day and the split's key (null for a total or for rows without one). */
    public record Key(LocalDate periodStart, UUID key) {
    }

    private static final String TICKET_COLUMNS = """
            , emitidos, emitidos_preferenciales, emitidos_agendamiento, atendidos, atendidos_preferenciales,
              atendidos_agendamiento, atendidos_dentro_sla, no_se_presento, transferidos, transferidos_entrantes,
              espera_total_seg, espera_preferencial_seg, espera_agendamiento_seg, espera_maxima_seg,
              atencion_total_seg, CAST(histograma_espera AS text), CAST(histograma_espera_preferencial AS text),
              CAST(histograma_atencion AS text)""";

    private static final String BOOKING_COLUMNS = """
            , agendamientos_reservados, agendamientos_atendidos, agendamientos_no_se_presento,
              agendamientos_cancelados""";

    /** Periods in order, then keys as PostgreSQL orders uuids (their hexadecimal text), the null key last. */
    private static final Comparator<Totals> ORDER = Comparator.comparing(Totals::from)
            .thenComparing(t -> t.key() == null ? null : t.key().toString(),
                    Comparator.nullsLast(Comparator.naturalOrder()));

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    /**
     * The tickets' sums per period and key, in period order, and the bookings' counts (booked, kept, no-show,
     * cancelled) per period and key, empty for a split they lack (station, operator).
     */
    public record Read(List<Totals> tickets, Map<Key, long[]> bookings) {

        /** The bookings of each period, whatever their key (the totals of a split, without reading again). */
        public Map<Key, long[]> bookingsPerPeriod() {
            Map<Key, long[]> periods = new LinkedHashMap<>();
            bookings.forEach((k, b) -> {
                long[] sum = periods.computeIfAbsent(new Key(k.periodStart(), null), p -> new long[4]);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += b[i];
                }
            });
            return periods;
        }
    }

    public Read read(SummaryQuery q) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, q);
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer las estadísticas", e);
        }
    }

    /** The read on a given connection (also the benchmark's, which has no container). */
    public static Read read(Connection c, SummaryQuery q) throws SQLException {
        // a split the service's day has (total, unit, service) reads one row per service and day, with its
        // bookings; by station or operator, one row per station, operator and day, unless one service is asked
        // (its fine rows)
        boolean serviceDays = q.dimension().inServiceDays();
        String table = serviceDays ? "estadisticas"
                : q.serviceId() == null ? "estadisticas_estaciones" : "estadisticas_turnos";
        // the rows as stored, summed here: the aggregate rows of a year are a few tens of thousands, and on the
        // server 63 histogram sums per row and the grouping of that many groups cost several times more
        String sql = "SELECT fecha, " + key(q.dimension()) + TICKET_COLUMNS + (serviceDays ? BOOKING_COLUMNS : "")
                + " FROM " + table + where(q);
        Map<Key, Totals> sums = new HashMap<>();
        Map<Key, long[]> bookings = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, q, 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    LocalDate start = q.grouping().start(r.getObject(1, LocalDate.class));
                    UUID key = r.getObject(2, UUID.class);
                    Totals row = new Totals(start, q.grouping().end(start), key, r.getLong(3), r.getLong(4),
                            r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10),
                            r.getLong(11), r.getLong(12), r.getLong(13), r.getLong(14), r.getLong(15), r.getInt(16),
                            r.getLong(17), histogram(r.getString(18)), histogram(r.getString(19)),
                            histogram(r.getString(20)));
                    Key at = new Key(start, key);
                    sums.merge(at, row, Totals::plus);
                    if (serviceDays) {
                        long[] counts = bookings.computeIfAbsent(at, k -> new long[4]);
                        for (int i = 0; i < counts.length; i++) {
                            counts[i] += r.getLong(21 + i);
                        }
                    }
                }
            }
        }
        List<Totals> totals = new ArrayList<>(sums.values());
        totals.sort(ORDER);
        Map<Key, long[]> ordered = new LinkedHashMap<>();
        totals.forEach(t -> {
            long[] b = bookings.get(new Key(t.from(), t.key()));
            if (b != null) {
                ordered.put(new Key(t.from(), t.key()), b);
            }
        });
        return new Read(totals, ordered);
    }

    /**
     * The bookings' counts (booked, kept, no-show, cancelled) per period and key, alone: the totals of a split
     * by station or operator, whose rows have none.
     */
    public Map<Key, long[]> bookings(SummaryQuery q) {
        try (Connection c = dataSource.getConnection()) {
            return bookings(c, q);
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer las estadísticas de agendamientos", e);
        }
    }

    /** The bookings' counts on a given connection; a split they lack: empty. */
    public static Map<Key, long[]> bookings(Connection c, SummaryQuery q) throws SQLException {
        Map<Key, long[]> counts = new LinkedHashMap<>();
        if (!q.dimension().inServiceDays()) {
            return counts;
        }
        String sql = "SELECT CAST(date_trunc(?, CAST(fecha AS timestamp)) AS date), " + key(q.dimension()) + """
                , sum(agendamientos_reservados), sum(agendamientos_atendidos), sum(agendamientos_no_se_presento),
                  sum(agendamientos_cancelados)
                FROM estadisticas""" + where(q) + " GROUP BY 1, 2 ORDER BY 1, 2";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, q.grouping().sqlUnit());
            bind(s, q, 2);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(new Key(r.getObject(1, LocalDate.class), r.getObject(2, UUID.class)),
                            new long[] {r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)});
                }
            }
        }
        return counts;
    }

    private static String key(Dimension d) {
        return d.column() == null ? "CAST(NULL AS uuid)" : d.column();
    }

    private static String where(SummaryQuery q) {
        return " WHERE fecha BETWEEN ? AND ?" + (q.unitId() == null ? "" : " AND unidad_id = ?")
                + (q.serviceId() == null ? "" : " AND servicio_id = ?");
    }

    /** The period and the filters, from the parameter {@code i} on. */
    private static void bind(PreparedStatement s, SummaryQuery q, int i) throws SQLException {
        s.setObject(i++, q.period().from());
        s.setObject(i++, q.period().to());
        if (q.unitId() != null) {
            s.setObject(i++, q.unitId());
        }
        if (q.serviceId() != null) {
            s.setObject(i, q.serviceId());
        }
    }

    /**
     * A histogram from PostgreSQL's text of an integer array ({@code {0,3,12,...}}), read by hand: as text
     * always (the driver switches a statement it has prepared five times to binary arrays, whose decoding cost
     * three times the rest of a year's rows), and parsed here (the driver's general array parsing cost more
     * than everything else).
     */
    static Histogram histogram(String array) {
        long[] counts = new long[Histogram.BUCKETS];
        if (array == null) {
            return Histogram.of(counts);
        }
        int bucket = 0;
        long value = 0;
        for (int i = 0; i < array.length() && bucket < counts.length; i++) {
            char ch = array.charAt(i);
            if (ch >= '0' && ch <= '9') {
                value = value * 10 + (ch - '0');
            } else if (ch == ',' || ch == '}') {
                counts[bucket++] = value;
                value = 0;
            }
        }
        return Histogram.of(counts);
    }
}
