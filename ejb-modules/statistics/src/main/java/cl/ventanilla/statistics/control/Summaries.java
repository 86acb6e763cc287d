package cl.ventanilla.statistics.control;

import cl.ventanilla.statistics.entity.Dimension;
import cl.ventanilla.statistics.entity.Histogram;
import cl.ventanilla.statistics.entity.SummaryQuery;
import cl.ventanilla.statistics.entity.Totals;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the aggregates of a period, grouped by period and split: the service days ({@code estadisticas}) for a
 * total or a split by unit or service, the fine rows ({@code estadisticas_turnos}) by station or operator.
 */
@Dependent
public class Summaries {

    /** A period's first day and the split's key (null for a total or for rows without one). */
    public record Key(LocalDate periodStart, UUID key) {
    }

    private static final String TICKET_SUMS = """
            , sum(emitidos), sum(emitidos_preferenciales), sum(emitidos_agendamiento), sum(atendidos),
              sum(atendidos_preferenciales), sum(atendidos_agendamiento), sum(atendidos_dentro_sla),
              sum(no_se_presento), sum(transferidos), sum(transferidos_entrantes), sum(espera_total_seg),
              sum(espera_preferencial_seg), sum(espera_agendamiento_seg), max(espera_maxima_seg),
              sum(atencion_total_seg), """ + Histogram.sumSql("histograma_espera") + ", "
            + Histogram.sumSql("histograma_espera_preferencial") + ", " + Histogram.sumSql("histograma_atencion");

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    /** The tickets' sums per period and key, in period order. */
    public List<Totals> tickets(SummaryQuery q) {
        try (Connection c = dataSource.getConnection()) {
            return tickets(c, q);
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer las estadísticas de turnos", e);
        }
    }

    /** The tickets' sums on a given connection (also the benchmark's, which has no container). */
    public static List<Totals> tickets(Connection c, SummaryQuery q) throws SQLException {
        // a split the service's day has (total, unit, service) reads one row per service and day
        String table = q.dimension().inServiceDays() ? "estadisticas" : "estadisticas_turnos";
        String sql = "SELECT CAST(date_trunc(?, CAST(fecha AS timestamp)) AS date), " + key(q.dimension()) + TICKET_SUMS
                + " FROM " + table + where(q) + " GROUP BY 1, 2 ORDER BY 1, 2";
        List<Totals> totals = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, q);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    LocalDate start = r.getObject(1, LocalDate.class);
                    totals.add(new Totals(start, q.grouping().end(start), r.getObject(2, UUID.class), r.getLong(3),
                            r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9),
                            r.getLong(10), r.getLong(11), r.getLong(12), r.getLong(13), r.getLong(14), r.getLong(15),
                            r.getInt(16), r.getLong(17), histogram(r.getArray(18)), histogram(r.getArray(19)),
                            histogram(r.getArray(20))));
                }
            }
        }
        return totals;
    }

    /** The bookings' counts (booked, kept, no-show, cancelled) per period and key; a split they lack: empty. */
    public Map<Key, long[]> bookings(SummaryQuery q) {
        try (Connection c = dataSource.getConnection()) {
            return bookings(c, q);
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer las estadísticas de agendamientos", e);
        }
    }

    /** The bookings' counts on a given connection. */
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
            bind(s, q);
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

    private static void bind(PreparedStatement s, SummaryQuery q) throws SQLException {
        int i = 1;
        s.setString(i++, q.grouping().sqlUnit());
        s.setObject(i++, q.period().from());
        s.setObject(i++, q.period().to());
        if (q.unitId() != null) {
            s.setObject(i++, q.unitId());
        }
        if (q.serviceId() != null) {
            s.setObject(i, q.serviceId());
        }
    }

    private static Histogram histogram(Array array) throws SQLException {
        if (array == null) {
            return Histogram.empty();
        }
        Object[] values = (Object[]) array.getArray();
        long[] counts = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            counts[i] = values[i] == null ? 0 : ((Number) values[i]).longValue();
        }
        return Histogram.of(counts);
    }
}
