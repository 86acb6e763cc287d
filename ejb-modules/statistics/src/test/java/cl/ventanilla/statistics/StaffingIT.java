package cl.ventanilla.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.cache.Invalidations;
import cl.ventanilla.statistics.boundary.Staffing;
import cl.ventanilla.statistics.entity.StaffingAdvice;
import cl.ventanilla.statistics.entity.StaffingAdvice.Hour;
import cl.ventanilla.statistics.entity.StaffingAdvice.OpenDesksSource;
import cl.ventanilla.statistics.entity.StaffingAdvice.ServiceFigures;
import cl.ventanilla.statistics.entity.StaffingAdvice.ServiceNeed;
import cl.ventanilla.statistics.entity.StaffingQuery;
import cl.ventanilla.statistics.entity.StatisticsException;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staffing advice in Payara Micro against the real PostgreSQL: tickets of four past same weekdays (one of
 * them a closed day) and of other days written into the queue's tables, desk sessions with a pause on the
 * chosen day, and the figures Erlang C gives for them checked one by one. Each test makes its own unit.
 */
@ExtendWith(ArquillianExtension.class)
class StaffingIT {

    private static final Logger LOG = Logger.getLogger(StaffingIT.class.getName());
    private static final UUID TRANSITO = UUID.fromString("10000000-0000-4000-8000-000000000001");
    private static final ZoneId ZONE = ZoneId.of("America/Santiago");
    /** Ticket numbers, unique per service and day however the batches of a test fall. */
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final AtomicInteger RUTS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    @Deployment
    static WebArchive deployment() {
        return StatisticsDeployment.of("staffing-it.war");
    }

    @Inject
    Staffing staffing;

    @Inject
    Invalidations invalidations;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Test
    void desksNeededPerHourFromFourPastWeekdaysBesideTheDesksOpen() throws Exception {
        LocalDate day = LocalDate.now(ZONE).minusWeeks(1);
        UUID unit = unit();
        // A: SLA 10 min, finished tickets of 4 or 6 minutes at the desk (mean 5); B: SLA 20 min, configured
        // 10 minutes and never finished (its tickets were no-shows), so the configured time is used
        UUID a = service(unit, "Atención A", "DA", 3, 10);
        UUID b = service(unit, "Atención B", "DB", 10, 20);
        UUID s1 = station(unit, 1);
        UUID s2 = station(unit, 2);
        station(unit, 3);
        invalidations.announce(ConfigurationReadModel.TOPIC, null);

        int[] nineOClock = {18, 22, 0, 20};
        for (int week = 1; week <= 4; week++) {
            LocalDate past = day.minusWeeks(week);
            if (nineOClock[week - 1] == 0) {
                continue; // the third week's weekday was a holiday: no ticket at all
            }
            tickets(unit, a, past, 9, nineOClock[week - 1], "FINALIZADO", s1);
            tickets(unit, a, past, 10, 40, "FINALIZADO", s2);
            tickets(unit, b, past, 10, 6, "NO_SE_PRESENTO", s2);
        }
        tickets(unit, a, day.minusDays(8), 10, 100, "FINALIZADO", s1); // another weekday: not counted
        tickets(unit, a, day.minusWeeks(5), 9, 40, "FINALIZADO", s1); // five weeks back: only with weeks=5
        tickets(unit, a, day, 9, 7, "FINALIZADO", s1); // the day itself: not its own history

        // the day: desk 1 open 8:00–12:00 with a pause 9:30–10:00; desk 2 open 9:00–11:00
        UUID operator1 = user();
        UUID operator2 = user();
        UUID session = session(s1, operator1, day, "08:00", "12:00");
        pause(session, day, "09:30", "10:00");
        session(s2, operator2, day, "09:00", "11:00");

        long started = System.nanoTime();
        StaffingAdvice advice = staffing.advice(new StaffingQuery(unit, day, 4, 0.8));
        LOG.info(() -> "Staffing advice of a small unit: " + (System.nanoTime() - started) / 1_000_000 + " ms");

        assertEquals(List.of(day.minusWeeks(1), day.minusWeeks(2), day.minusWeeks(3), day.minusWeeks(4)),
                advice.history());
        assertEquals(3, advice.daysWithArrivals(), "the closed day does not count");
        assertEquals(OpenDesksSource.SESSIONS, advice.openDesksFrom());

        ServiceFigures figuresA = figures(advice, a);
        assertEquals(300.0, figuresA.meanServiceSeconds(), 0.01, "measured from the call to the end");
        assertTrue(figuresA.measured());
        assertEquals(180, figuresA.finished());
        assertEquals(10, figuresA.slaMinutes());
        ServiceFigures figuresB = figures(advice, b);
        assertEquals(600.0, figuresB.meanServiceSeconds(), 0.01, "configured: nothing finished");
        assertFalse(figuresB.measured());

        assertEquals(List.of(8, 9, 10, 11), advice.hours().stream().map(Hour::hour).toList());
        Hour eight = hour(advice, 8);
        assertEquals(0, eight.needed());
        assertEquals(1.0, eight.open(), 0.01);
        assertFalse(eight.understaffed());

        // 9:00: A has (18 + 22 + 20) / 3 = 20 an hour of 5 minutes: 1.67 erlangs; 3 desks serve 97.9 % in 10 min
        Hour nine = hour(advice, 9);
        ServiceNeed nineA = need(nine, a);
        assertEquals(20.0, nineA.arrivals(), 0.001);
        assertEquals(1.667, nineA.load(), 0.001);
        assertEquals(3, nineA.desks());
        assertEquals(0.9792, nineA.withinSla(), 0.0001);
        assertEquals(3, nine.needed());
        assertEquals(1.5, nine.open(), 0.01, "desk 1 paused half of the hour, desk 2 the whole hour");
        assertTrue(nine.understaffed());

        // 10:00: A 40 an hour (3.33 erlangs, 4 desks: 82.7 %) and B 6 an hour of 10 minutes (1 erlang, 2 desks)
        Hour ten = hour(advice, 10);
        assertEquals(4, need(ten, a).desks());
        assertEquals(0.8266, need(ten, a).withinSla(), 0.0001);
        assertEquals(6.0, need(ten, b).arrivals(), 0.001);
        assertEquals(2, need(ten, b).desks());
        assertEquals(6, ten.needed());
        assertEquals(46.0, ten.arrivals(), 0.001);
        assertEquals(2.0, ten.open(), 0.01);
        assertTrue(ten.understaffed());

        Hour eleven = hour(advice, 11);
        assertEquals(0, eleven.needed());
        assertEquals(1.0, eleven.open(), 0.01);
        assertEquals(2, advice.understaffedHours());
        assertEquals(6, advice.peakNeeded());

        // a stricter target asks more of the busy hour; a fifth week adds its 40 tickets at nine
        assertEquals(7, hour(staffing.advice(new StaffingQuery(unit, day, 4, 0.95)), 10).needed());
        StaffingAdvice five = staffing.advice(new StaffingQuery(unit, day, 5, 0.8));
        assertEquals(4, five.daysWithArrivals());
        assertEquals(25.0, need(hour(five, 9), a).arrivals(), 0.001);
    }

    @Test
    void aDayWithoutHistoryNeedsNothingAndAnUnknownUnitIsRefused() throws Exception {
        UUID unit = unit();
        service(unit, "Sin historia", "SH", 10, 30);
        invalidations.announce(ConfigurationReadModel.TOPIC, null);
        StaffingAdvice advice = staffing.advice(new StaffingQuery(unit, LocalDate.now(ZONE).plusDays(7), 4, 0.8));
        assertEquals(0, advice.daysWithArrivals());
        assertEquals(OpenDesksSource.NONE, advice.openDesksFrom());
        assertTrue(advice.hours().isEmpty());

        StatisticsException unknown = assertThrows(StatisticsException.class,
                () -> staffing.advice(new StaffingQuery(UUID.randomUUID(), LocalDate.now(ZONE), 4, 0.8)));
        assertTrue(unknown.messageIn(Locale.ENGLISH).startsWith("There is no unit"), unknown.messageIn(Locale.ENGLISH));
    }

    @Test
    void withoutSessionsTheDesksThatCalledCount() throws Exception {
        LocalDate day = LocalDate.now(ZONE).minusDays(3);
        UUID unit = unit();
        UUID a = service(unit, "Solo llamados", "SL", 5, 15);
        UUID s1 = station(unit, 1);
        UUID s2 = station(unit, 2);
        invalidations.announce(ConfigurationReadModel.TOPIC, null);
        tickets(unit, a, day, 9, 5, "FINALIZADO", s1);
        tickets(unit, a, day, 9, 5, "FINALIZADO", s2);
        tickets(unit, a, day, 10, 5, "FINALIZADO", s2);
        StaffingAdvice advice = staffing.advice(new StaffingQuery(unit, day, 4, 0.8));
        assertEquals(OpenDesksSource.CALLS, advice.openDesksFrom());
        assertEquals(2.0, hour(advice, 9).open(), 0.01);
        assertEquals(1.0, hour(advice, 10).open(), 0.01);
    }

    /**
     * The time of the advice for a busy unit: twelve weeks of history (every day of them with tickets, 1 200 a
     * day over eight services: about 100 000 tickets of the unit), twelve desks with sessions. Median of five.
     */
    @Test
    void theAdviceOfABusyUnitOverTwelveWeeksIsFast() throws Exception {
        LocalDate day = LocalDate.now(ZONE).minusDays(1);
        UUID unit = unit();
        List<UUID> services = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            services.add(service(unit, "Servicio " + i, "B" + (char) ('A' + i), 5 + i, 15 + 5 * i));
        }
        List<UUID> stations = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            stations.add(station(unit, i));
        }
        invalidations.announce(ConfigurationReadModel.TOPIC, null);
        long writing = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO turnos (unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo, estado,
                                    hora_emision, hora_ingreso_cola, hora_llamado, hora_inicio_atencion,
                                    hora_fin_atencion, estacion_id)
                SELECT ?, sv, sv, d, n, 'BA', 'FINALIZADO', t, t, t + interval '5 minutes', t + interval '5 minutes',
                       t + interval '5 minutes' + make_interval(secs => 180 + n % 600), ?
                FROM (SELECT CAST(d AS date) AS d, n, (CAST(?::text AS uuid[]))[1 + n % 8] AS sv,
                             (CAST(d AS date) + time '08:30' + make_interval(secs => n * 23)) AT TIME ZONE 'America/Santiago' AS t
                      FROM generate_series(CAST(? AS date), CAST(? AS date), interval '1 day') d,
                           generate_series(1, 1200) n) x""")) {
            s.setObject(1, unit);
            s.setObject(2, stations.get(0));
            s.setString(3, services.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")));
            s.setObject(4, day.minusWeeks(12));
            s.setObject(5, day);
            s.executeUpdate();
        }
        UUID operator = user();
        for (UUID station : stations.subList(0, 9)) {
            session(station, operator, day, "08:30", "16:30");
        }
        LOG.info(() -> "Staffing: wrote " + (85 * 1200) + " tickets in " + (System.nanoTime() - writing) / 1_000_000 + " ms");
        analyze();

        long[] millis = new long[5];
        StaffingAdvice advice = null;
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            advice = staffing.advice(new StaffingQuery(unit, day, 12, 0.8));
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        long median = millis[2];
        LOG.info("Staffing advice of a busy unit (8 services, 12 weeks, ~100 000 tickets of the unit): median "
                + median + " ms of " + Arrays.toString(millis));
        assertEquals(12, advice.daysWithArrivals());
        assertEquals(9.0, hour(advice, 10).open(), 0.01);
        // 1 200 a day in 7.7 hours: about 156 an hour, a sixth of an hour each: 26 erlangs and more desks
        assertTrue(hour(advice, 10).needed() > 26, String.valueOf(hour(advice, 10).needed()));
        assertTrue(median < 2_000, "the advice takes " + median + " ms");
    }

    // ---------------------------------------------------------------------------------------------------

    private static ServiceFigures figures(StaffingAdvice advice, UUID service) {
        return advice.services().stream().filter(s -> s.id().equals(service)).findFirst().orElseThrow();
    }

    private static Hour hour(StaffingAdvice advice, int hour) {
        return advice.hours().stream().filter(h -> h.hour() == hour).findFirst()
                .orElseThrow(() -> new AssertionError("no hour " + hour + " in " + advice.hours()));
    }

    private static ServiceNeed need(Hour hour, UUID service) {
        return hour.services().stream().filter(n -> n.serviceId().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError("no need of " + service + " in " + hour));
    }

    private UUID unit() throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO unidades (id, direccion_id, nombre) VALUES (?, ?, ?)", id, TRANSITO,
                "Unidad dotación " + id.toString().substring(0, 8));
        return id;
    }

    private UUID service(UUID unit, String name, String prefix, int minutes, int slaMinutes) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO servicios (id, unidad_id, nombre, prefijo, duracion_promedio_min, sla_minutos)
                VALUES (?, ?, ?, ?, ?, ?)""", id, unit, name, prefix, minutes, slaMinutes);
        return id;
    }

    private UUID station(UUID unit, int number) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO estaciones (id, unidad_id, nombre, numero) VALUES (?, ?, ?, ?)", id, unit,
                "Módulo " + number, number);
        return id;
    }

    private UUID user() throws SQLException {
        UUID id = UUID.randomUUID();
        int body = 30_000_000 + RUTS.incrementAndGet();
        update("INSERT INTO usuarios (id, rut, nombre, password_hash) VALUES (?, ?, 'Operador dotación', 'x')", id,
                body + "-" + Rut.checkDigitOf(body));
        return id;
    }

    /**
     * {@code count} tickets of a service issued evenly inside the hour {@code hour}:00 of a local day; finished
     * ones were called a minute after issue and served for 4 or 6 minutes, alternately.
     */
    private void tickets(UUID unit, UUID service, LocalDate day, int hour, int count, String state, UUID station)
            throws SQLException {
        boolean finished = "FINALIZADO".equals(state);
        update("""
                INSERT INTO turnos (unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo, estado,
                                    hora_emision, hora_ingreso_cola, hora_llamado, hora_inicio_atencion,
                                    hora_fin_atencion, estacion_id)
                SELECT ?, ?, ?, CAST(? AS date), ? + g, 'AA', ?, t, t, t + interval '1 minute',
                       CASE WHEN ? THEN t + interval '1 minute' END,
                       CASE WHEN ? THEN t + interval '1 minute' + (CASE WHEN g % 2 = 0 THEN 240 ELSE 360 END) * interval '1 second' END,
                       ?
                FROM (SELECT g, (CAST(? AS date) + make_time(?, 0, 0) + make_interval(secs => g * 3600.0 / (? + 1)))
                                AT TIME ZONE 'America/Santiago' AS t
                      FROM generate_series(1, ?) g) x""", unit, service, service, day, NUMBERS.getAndAdd(count), state,
                finished, finished,
                station, day, hour, count, count);
    }

    private UUID session(UUID station, UUID user, LocalDate day, String from, String to) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO sesiones_estacion (id, estacion_id, usuario_id, estado, inicio, fin)
                VALUES (?, ?, ?, 'CERRADA', (CAST(? AS date) + CAST(? AS time)) AT TIME ZONE 'America/Santiago',
                        (CAST(? AS date) + CAST(? AS time)) AT TIME ZONE 'America/Santiago')""",
                id, station, user, day, from, day, to);
        return id;
    }

    private void pause(UUID session, LocalDate day, String from, String to) throws SQLException {
        update("""
                INSERT INTO pausas_estacion (sesion_id, motivo, inicio, fin)
                VALUES (?, 'Colación', (CAST(? AS date) + CAST(? AS time)) AT TIME ZONE 'America/Santiago',
                        (CAST(? AS date) + CAST(? AS time)) AT TIME ZONE 'America/Santiago')""",
                session, day, from, day, to);
    }

    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE turnos");
            s.execute("ANALYZE sesiones_estacion");
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
