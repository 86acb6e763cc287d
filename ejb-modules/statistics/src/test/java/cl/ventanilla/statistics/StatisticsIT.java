package cl.ventanilla.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.appointments.entity.AppointmentBooked;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.appointments.entity.AppointmentNoShow;
import cl.ventanilla.appointments.entity.AppointmentRescheduled;
import cl.ventanilla.appointments.entity.AppointmentSummary;
import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.cache.Invalidations;
import cl.ventanilla.queue.boundary.TicketDesk;
import cl.ventanilla.queue.entity.Ticket;
import cl.ventanilla.queue.entity.TicketFinished;
import cl.ventanilla.statistics.boundary.Statistics;
import cl.ventanilla.statistics.control.AppointmentFacts;
import cl.ventanilla.statistics.entity.Dimension;
import cl.ventanilla.statistics.entity.Grouping;
import cl.ventanilla.statistics.entity.Histogram;
import cl.ventanilla.statistics.entity.Period;
import cl.ventanilla.statistics.entity.SummaryQuery;
import cl.ventanilla.statistics.entity.SummaryRow;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statistics in Payara Micro against the real PostgreSQL with the demo municipality, fed by the real queue
 * (its boundary {@link TicketDesk} fires the facts) and by the appointments' facts fired next to the bookings
 * they describe. Each test uses its own stations and services, so they do not depend on each other's order.
 */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {

    private static final Logger LOG = Logger.getLogger(StatisticsIT.class.getName());

    private static final UUID LICENCIAS = UUID.fromString("20000000-0000-4000-8000-000000000001");
    private static final UUID PERMISOS = UUID.fromString("20000000-0000-4000-8000-000000000002");
    private static final UUID LICENCIA_PRIMERA_VEZ = UUID.fromString("30000000-0000-4000-8000-000000000001");
    private static final UUID DUPLICADO_LICENCIA = UUID.fromString("30000000-0000-4000-8000-000000000003");
    private static final UUID RENOVACION_PERMISO = UUID.fromString("30000000-0000-4000-8000-000000000005");
    private static final UUID PRIMER_PERMISO = UUID.fromString("30000000-0000-4000-8000-000000000006");

    /** The statement of an issue, as {@code TicketFacts} runs it (package-private there). */
    private static final String ISSUE_STATEMENT = cl.ventanilla.statistics.control.TicketFactsAccess.issued();

    @Deployment
    static WebArchive deployment() {
        return StatisticsDeployment.of("statistics-it.war");
    }

    @Inject
    TicketDesk desk;

    @Inject
    Statistics statistics;

    @Inject
    Invalidations invalidations;

    @Inject
    Event<AppointmentBooked> booked;

    @Inject
    Event<AppointmentCancelled> cancelled;

    @Inject
    Event<AppointmentNoShow> noShow;

    @Inject
    Event<AppointmentRescheduled> rescheduled;

    @Inject
    Event<TicketFinished> finished;

    @Inject
    UserTransaction transaction;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Test
    void theLiveAggregatesEqualTheRebuildRowByRow() throws Exception {
        LocalDate today = AppointmentFacts.dayOf(Instant.now());
        UUID operator = user("Operadora Estadísticas");
        UUID seated = createStation(PERMISOS, "Módulo estadística A", 71, PRIMER_PERMISO, RENOVACION_PERMISO);
        UUID alone = createStation(PERMISOS, "Módulo estadística B", 72, PRIMER_PERMISO);
        seat(operator, seated);

        // bookings: one kept through the kiosk's check-in, the others booked, cancelled, missed and moved
        Instant soon = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        AppointmentSummary kept = booking(PERMISOS, PRIMER_PERMISO, soon, "CONFIRMADO");
        inTransaction(() -> booked.fire(new AppointmentBooked(kept)));
        Instant later = today.plusDays(3).atTime(10, 0).atZone(AppointmentFacts.ZONE).toInstant();
        AppointmentSummary stays = booking(PERMISOS, PRIMER_PERMISO, later, "CONFIRMADO");
        AppointmentSummary dropped = booking(PERMISOS, PRIMER_PERMISO, later.plusSeconds(1800), "CANCELADO");
        AppointmentSummary missed = booking(PERMISOS, RENOVACION_PERMISO, later, "NO_SE_PRESENTO");
        AppointmentSummary moved = booking(PERMISOS, RENOVACION_PERMISO, later.plusSeconds(3600), "REPROGRAMADO");
        AppointmentSummary movedTo = booking(PERMISOS, RENOVACION_PERMISO, later.plus(Duration.ofDays(1)), "CONFIRMADO");
        inTransaction(() -> {
            for (AppointmentSummary a : List.of(stays, dropped, missed, moved)) {
                booked.fire(new AppointmentBooked(a));
            }
            cancelled.fire(new AppointmentCancelled(dropped, CancelledBy.CITIZEN, null));
            noShow.fire(new AppointmentNoShow(missed.id(), PERMISOS, RENOVACION_PERMISO, missed.start()));
            rescheduled.fire(new AppointmentRescheduled(moved, movedTo));
        });

        // tickets: walk-ins (every third preferential), the check-in; served, missed and transferred
        List<UUID> issued = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            issued.add(desk.issueWalkIn(PRIMER_PERMISO, i % 3 == 0 ? "PERSONA_MAYOR" : null).ticket().getId());
        }
        issued.add(desk.checkIn(code(kept)).ticket().getId());
        int served = 0;
        int noShows = 0;
        int transferred = 0;
        for (int round = 0; ; round++) {
            UUID station = round % 2 == 0 ? seated : alone;
            Optional<Ticket> next = desk.callNext(station);
            if (next.isEmpty()) {
                next = desk.callNext(station == seated ? alone : seated);
                if (next.isEmpty()) {
                    break;
                }
            }
            Ticket t = next.get();
            if (round % 5 == 4) {
                desk.noShow(t.getId());
                noShows++;
            } else if (round % 7 == 3 && t.getServiceId().equals(PRIMER_PERMISO)) {
                desk.transfer(t.getId(), RENOVACION_PERMISO);
                transferred++;
            } else {
                desk.start(t.getId());
                desk.finish(t.getId(), null);
                served++;
            }
        }
        assertTrue(served > 5 && noShows > 0 && transferred > 0, served + " " + noShows + " " + transferred);

        SummaryRow permisos = only(statistics.summary(new SummaryQuery(new Period(today, today), Grouping.DAY,
                Dimension.UNIT, PERMISOS, null)));
        SummaryRow primer = only(statistics.summary(new SummaryQuery(new Period(today, today), Grouping.DAY,
                Dimension.SERVICE, PERMISOS, PRIMER_PERMISO)));
        assertEquals(13, primer.issued(), "twelve walk-ins and a check-in");
        assertEquals(4, primer.issuedPreferential());
        assertEquals(1, primer.issuedAppointment());
        assertEquals(served, permisos.served());
        assertEquals(noShows, permisos.noShows());
        assertEquals(transferred, primer.transferredOut());
        assertEquals(0L, permisos.abandoned(), "everyone got an outcome");
        assertNotNull(permisos.p90Wait());
        assertTrue(permisos.shareWithinSla() > 0.99, "nobody waited half an hour: " + permisos.shareWithinSla());
        assertEquals(1L, primer.kept());
        List<SummaryRow> primerBookings = statistics.summary(new SummaryQuery(new Period(today, today.plusDays(5)),
                Grouping.DAY, Dimension.SERVICE, PERMISOS, PRIMER_PERMISO));
        assertEquals(3L, primerBookings.stream().mapToLong(SummaryRow::booked).sum(),
                "the kept, the staying and the cancelled: " + primerBookings);
        assertEquals(1L, primerBookings.stream().mapToLong(SummaryRow::cancelled).sum());
        List<SummaryRow> renewalBookings = statistics.summary(new SummaryQuery(new Period(today, today.plusDays(5)),
                Grouping.DAY, Dimension.SERVICE, PERMISOS, RENOVACION_PERMISO));
        assertEquals(2L, renewalBookings.stream().mapToLong(SummaryRow::booked).sum(),
                "the missed and the moved one's new hour, not its old one: " + renewalBookings);
        assertEquals(1L, renewalBookings.stream().mapToLong(SummaryRow::bookingNoShows).sum());
        List<SummaryRow> byStation = statistics.summary(new SummaryQuery(new Period(today, today), Grouping.DAY,
                Dimension.OPERATOR, PERMISOS, null));
        assertTrue(byStation.stream().anyMatch(r -> operator.equals(r.key()) && r.served() > 0),
                "the seated operator's attentions are theirs: " + byStation);

        // a screen's report: the totals of a split are the totals, bookings included, whatever the split
        SummaryQuery week = new SummaryQuery(new Period(today, today.plusDays(5)), Grouping.DAY, Dimension.TOTAL,
                PERMISOS, null);
        List<SummaryRow> totals = statistics.report(week).totals();
        for (Dimension split : Dimension.values()) {
            List<SummaryRow> ofSplit = statistics.report(new SummaryQuery(week.period(), Grouping.DAY, split,
                    PERMISOS, null)).totals();
            assertEquals(totals.stream().map(StatisticsIT::figures).toList(),
                    ofSplit.stream().map(StatisticsIT::figures).toList(), "totals split by " + split);
        }

        Period period = new Period(today, today.plusDays(5));
        List<String> live = rows(period);
        assertFalse(live.isEmpty());
        statistics.rebuild(period);
        List<String> rebuilt = rows(period);
        assertEquals(String.join("\n", live), String.join("\n", rebuilt), "the rebuild gives the live numbers");
    }

    @Test
    void concurrentFactsOfOneServiceAndDayLoseNoCount() throws Exception {
        // 1. the same row from many transactions at once: finishes at one station on one day
        LocalDate day = LocalDate.of(2020, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        UUID station = UUID.randomUUID();
        int facts = 240;
        AtomicInteger waitSum = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Void>> tasks = IntStream.range(0, facts).mapToObj(i -> (Callable<Void>) () -> {
                int wait = 10 + (i * 37) % 2000;
                waitSum.addAndGet(wait);
                Instant called = day.atTime(12, 0).atZone(AppointmentFacts.ZONE).toInstant();
                Instant started = called.plusSeconds(20);
                inTransaction(() -> finished.fire(new TicketFinished(UUID.randomUUID(), LICENCIAS, DUPLICADO_LICENCIA,
                        "D-" + i, "D " + i, station, "Módulo carrera", 99, started, started.plusSeconds(300 + i), day,
                        i % 2 == 0, false, called.minusSeconds(wait), called)));
                return null;
            }).toList();
            for (Future<Void> f : threads.invokeAll(tasks, 3, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT atendidos, atendidos_preferenciales, espera_total_seg, histograma_espera, histograma_atencion
                FROM estadisticas_turnos WHERE fecha = ? AND estacion_id = ?""")) {
            s.setObject(1, day);
            s.setObject(2, station);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(facts, r.getInt(1));
                assertEquals(facts / 2, r.getInt(2));
                assertEquals(waitSum.get(), r.getLong(3));
                assertEquals(facts, Arrays.stream((Integer[]) r.getArray(4).getArray()).mapToInt(Integer::intValue).sum());
                assertEquals(facts, Arrays.stream((Integer[]) r.getArray(5).getArray()).mapToInt(Integer::intValue).sum());
                assertFalse(r.next(), "one row for the station and day");
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT atendidos, espera_total_seg FROM estadisticas WHERE fecha = ? AND servicio_id = ?")) {
            s.setObject(1, day);
            s.setObject(2, DUPLICADO_LICENCIA);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(facts, r.getInt(1), "the service's day counts every one too");
                assertEquals(waitSum.get(), r.getLong(2));
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT atendidos, espera_total_seg, histograma_espera, histograma_espera_preferencial
                FROM estadisticas_estaciones WHERE fecha = ? AND estacion_id = ?""")) {
            s.setObject(1, day);
            s.setObject(2, station);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(facts, r.getInt(1), "the station's day counts every one too");
                assertEquals(waitSum.get(), r.getLong(2));
                assertEquals(facts, Arrays.stream((Integer[]) r.getArray(3).getArray()).mapToInt(Integer::intValue).sum());
                assertEquals(facts / 2, Arrays.stream((Integer[]) r.getArray(4).getArray()).mapToInt(Integer::intValue).sum());
                assertFalse(r.next(), "one row for the station and day");
            }
        }

        // 2. the real queue: eight kiosks issuing and eight desks serving one service at once
        List<UUID> stations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stations.add(createStation(LICENCIAS, "Módulo carrera estadística " + i, 80 + i, LICENCIA_PRIMERA_VEZ));
        }
        withoutWalkInQuota(LICENCIA_PRIMERA_VEZ);
        int tickets = 40;
        ExecutorService kiosks = Executors.newFixedThreadPool(8);
        long issuing = System.nanoTime();
        try {
            for (Future<UUID> f : kiosks.invokeAll(IntStream.range(0, tickets).mapToObj(i -> (Callable<UUID>) () ->
                    desk.issueWalkIn(LICENCIA_PRIMERA_VEZ, null).ticket().getId()).toList())) {
                f.get();
            }
        } finally {
            kiosks.shutdown();
        }
        long issueMillis = (System.nanoTime() - issuing) / 1_000_000;
        ExecutorService desks = Executors.newFixedThreadPool(8);
        AtomicInteger done = new AtomicInteger();
        try {
            for (Future<Void> f : desks.invokeAll(stations.stream().map(s -> (Callable<Void>) () -> {
                for (Optional<Ticket> t = desk.callNext(s); t.isPresent(); t = desk.callNext(s)) {
                    desk.start(t.get().getId());
                    desk.finish(t.get().getId(), null);
                    done.incrementAndGet();
                }
                return null;
            }).toList(), 3, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            desks.shutdown();
        }
        LocalDate today = AppointmentFacts.dayOf(Instant.now());
        SummaryRow row = only(statistics.summary(new SummaryQuery(new Period(today, today), Grouping.DAY,
                Dimension.SERVICE, LICENCIAS, LICENCIA_PRIMERA_VEZ)));
        assertEquals(tickets, done.get());
        assertEquals(tickets, row.issued());
        assertEquals(tickets, row.served());
        LOG.info(String.format("Carrera de estadísticas: %d hechos concurrentes en una fila; %d turnos emitidos por "
                + "8 tótems en %d ms y atendidos por 8 módulos", facts, tickets, issueMillis));
    }

    @Test
    void theBucketsOfSqlAndJavaAreTheSameAndTheStatementIsCheap() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT estadistica_limites()");
                    ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(Histogram.BOUNDS, Arrays.asList((Integer[]) r.getArray(1).getArray()));
            }
            for (int seconds : new int[] {0, 29, 30, 899, 900, 10_799, 10_800, 50_000}) {
                try (PreparedStatement s = c.prepareStatement("SELECT estadistica_cubeta(?)")) {
                    s.setInt(1, seconds);
                    try (ResultSet r = s.executeQuery()) {
                        assertTrue(r.next());
                        assertEquals(Histogram.bucketOf(seconds) + 1, r.getInt(1), "bucket of " + seconds);
                    }
                }
            }
        }
        // the cost of the statement a ticket's issue adds, on a day of its own, measured alone
        LocalDate day = LocalDate.of(2019, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300));
        int runs = 2000;
        long started;
        transaction.begin();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ISSUE_STATEMENT)) {
            for (int warm = 0; warm < 2; warm++) {
                started = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    s.setObject(1, day);
                    s.setObject(2, PERMISOS);
                    s.setObject(3, PRIMER_PERMISO);
                    s.setInt(4, i % 2);
                    s.setInt(5, 0);
                    s.setInt(6, 0);
                    s.execute();
                }
                if (warm == 1) {
                    LOG.info(String.format(Locale.ROOT, "Estadísticas: la sentencia de una emisión cuesta %.1f µs "
                            + "(media de %d en una transacción, como dentro de la emisión)",
                            (System.nanoTime() - started) / 1000.0 / runs, runs));
                }
            }
        } finally {
            transaction.commit();
        }
        // and a whole issue through the queue's boundary, of which that statement is a part
        withoutWalkInQuota(DUPLICADO_LICENCIA);
        int issues = 100;
        started = System.nanoTime();
        for (int i = 0; i < issues; i++) {
            desk.issueWalkIn(DUPLICADO_LICENCIA, null);
        }
        LOG.info(String.format(Locale.ROOT, "Estadísticas: una emisión completa (TicketDesk.issueWalkIn) cuesta %.2f ms "
                + "(media de %d seguidas)", (System.nanoTime() - started) / 1e6 / issues, issues));
        List<SummaryRow> rows = statistics.summary(new SummaryQuery(new Period(day, day), Grouping.MONTH,
                Dimension.TOTAL, null, null));
        assertEquals(2L * runs, only(rows).issued());
        assertEquals(day, only(rows).from(), "a month is clipped to the asked days");
        assertEquals(day, only(rows).to());
    }

    // ---------------------------------------------------------------------------------------------------

    /** What a period's total row says, as text: its days, tickets, waits and bookings. */
    private static String figures(SummaryRow r) {
        return r.from() + " " + r.to() + " " + r.issued() + " " + r.served() + " " + r.noShows() + " "
                + r.p90Wait() + " " + r.meanService() + " " + r.booked() + " " + r.kept() + " " + r.cancelled();
    }

    private static SummaryRow only(List<SummaryRow> rows) {
        assertEquals(1, rows.size(), () -> "one row: " + rows);
        return rows.get(0);
    }

    /** Every aggregate row of the period, tickets and bookings, as sorted text. */
    private List<String> rows(Period period) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(text("""
                SELECT fecha, unidad_id, servicio_id, estacion_id, usuario_id, emitidos, emitidos_preferenciales,
                       emitidos_agendamiento, atendidos, atendidos_preferenciales, atendidos_agendamiento,
                       atendidos_dentro_sla, no_se_presento, transferidos, transferidos_entrantes, espera_total_seg,
                       espera_preferencial_seg, espera_agendamiento_seg, espera_maxima_seg, atencion_total_seg,
                       histograma_espera, histograma_espera_preferencial, histograma_atencion
                FROM estadisticas_turnos WHERE fecha BETWEEN ? AND ?""", period));
        rows.addAll(text("""
                SELECT fecha, unidad_id, estacion_id, usuario_id, emitidos, emitidos_preferenciales,
                       emitidos_agendamiento, atendidos, atendidos_preferenciales, atendidos_agendamiento,
                       atendidos_dentro_sla, no_se_presento, transferidos, transferidos_entrantes, espera_total_seg,
                       espera_preferencial_seg, espera_agendamiento_seg, espera_maxima_seg, atencion_total_seg,
                       histograma_espera, histograma_espera_preferencial, histograma_atencion
                FROM estadisticas_estaciones WHERE fecha BETWEEN ? AND ?""", period));
        rows.addAll(text("""
                SELECT fecha, unidad_id, servicio_id, agendamientos_reservados, agendamientos_atendidos,
                       agendamientos_no_se_presento, agendamientos_cancelados, emitidos, emitidos_preferenciales,
                       emitidos_agendamiento, atendidos, atendidos_preferenciales, atendidos_agendamiento,
                       atendidos_dentro_sla, no_se_presento, transferidos, transferidos_entrantes, espera_total_seg,
                       espera_preferencial_seg, espera_agendamiento_seg, espera_maxima_seg, atencion_total_seg,
                       histograma_espera, histograma_espera_preferencial, histograma_atencion
                FROM estadisticas WHERE fecha BETWEEN ? AND ?
                  AND agendamientos_reservados + agendamientos_atendidos + agendamientos_no_se_presento
                      + agendamientos_cancelados + emitidos + no_se_presento + atendidos + transferidos
                      + transferidos_entrantes > 0""", period));
        rows.sort(null);
        return rows;
    }

    private List<String> text(String sql, Period period) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, period.from());
            s.setObject(2, period.to());
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = r.getObject(i);
                        row.append(meta.getColumnName(i)).append('=')
                                .append(v instanceof Array a ? Arrays.toString((Object[]) a.getArray()) : v).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    private interface Work {
        void run() throws Exception;
    }

    private void inTransaction(Work work) throws Exception {
        transaction.begin();
        try {
            work.run();
            transaction.commit();
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
    }

    private static final AtomicInteger CITIZENS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    private static String rut() {
        int body = 5_000_000 + CITIZENS.incrementAndGet();
        return body + "-" + Rut.checkDigitOf(body);
    }

    /** A booking row as the appointments domain keeps it, and the summary its facts carry. */
    private AppointmentSummary booking(UUID unit, UUID service, Instant start, String state) throws SQLException {
        UUID id = UUID.randomUUID();
        String code = "ES" + Long.toString(Math.abs(id.getMostSignificantBits()) % 100_000_000L, 36).toUpperCase(Locale.ROOT);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO agendamientos (id, codigo, unidad_id, servicio_id, rut_ciudadano, nombre_ciudadano,
                       email_ciudadano, fecha_hora_inicio, fecha_hora_fin, estado, fecha_cancelacion, cancelado_por)
                VALUES (?, ?, ?, ?, ?, 'Ciudadana de prueba', 'prueba@example.com', ?, ?, ?, ?, ?)""")) {
            s.setObject(1, id);
            s.setString(2, code);
            s.setObject(3, unit);
            s.setObject(4, service);
            s.setString(5, rut());
            s.setObject(6, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
            s.setObject(7, java.time.OffsetDateTime.ofInstant(start.plusSeconds(1200), java.time.ZoneOffset.UTC));
            s.setString(8, state);
            boolean cancelledOne = "CANCELADO".equals(state);
            s.setObject(9, cancelledOne ? java.time.OffsetDateTime.now() : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            s.setString(10, cancelledOne ? "CIUDADANO" : null);
            s.executeUpdate();
        }
        return new AppointmentSummary(id, code, "Ciudadana de prueba", "prueba@example.com", "es", "Trámite", null,
                "Unidad", null, start, start.plusSeconds(1200), "America/Santiago", unit, service);
    }

    private static String code(AppointmentSummary a) {
        return a.code();
    }

    /** Lifts the service's daily walk-in quota, so a test may issue as many tickets as it needs. */
    private void withoutWalkInQuota(UUID service) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE servicios SET cupo_diario_presencial = NULL WHERE id = ?")) {
            s.setObject(1, service);
            s.executeUpdate();
        }
        invalidations.announce(ConfigurationReadModel.TOPIC, null);
    }

    private UUID user(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO usuarios (id, rut, nombre, password_hash) VALUES (?, ?, ?, 'x')")) {
            s.setObject(1, id);
            s.setString(2, rut());
            s.setString(3, name);
            s.executeUpdate();
        }
        return id;
    }

    /** The operator sits at the station (the desk console's session), from a minute ago. */
    private void seat(UUID user, UUID station) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO sesiones_estacion (estacion_id, usuario_id, inicio) VALUES (?, ?, now() - interval '1 minute')")) {
            s.setObject(1, station);
            s.setObject(2, user);
            s.executeUpdate();
        }
    }

    private UUID createStation(UUID unit, String name, int number, UUID... services) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO estaciones (id, unidad_id, nombre, numero) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, unit);
                insert.setString(3, name);
                insert.setInt(4, number);
                insert.executeUpdate();
            }
            for (UUID service : services) {
                try (PreparedStatement attends = connection.prepareStatement(
                        "INSERT INTO estacion_servicios (estacion_id, servicio_id) VALUES (?, ?)")) {
                    attends.setObject(1, id);
                    attends.setObject(2, service);
                    attends.executeUpdate();
                }
            }
        }
        // the test writes the configuration's tables itself; the config domain announces its changes like this
        invalidations.announce(ConfigurationReadModel.TOPIC, null);
        return id;
    }
}
