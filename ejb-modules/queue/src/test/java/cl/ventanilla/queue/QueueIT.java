package cl.ventanilla.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.kernel.DomainException.Kind;
import cl.ventanilla.kernel.testing.ModuleDeployment;
import cl.ventanilla.kernel.testing.Race;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.queue.boundary.LobbyBoard;
import cl.ventanilla.queue.boundary.LobbyBoard.Snapshot;
import cl.ventanilla.queue.boundary.StationSessions;
import cl.ventanilla.queue.boundary.SupervisionBoard;
import cl.ventanilla.queue.boundary.SupervisionBoard.DeskLine;
import cl.ventanilla.queue.boundary.SupervisionBoard.DeskState;
import cl.ventanilla.queue.boundary.SupervisionBoard.ServiceLine;
import cl.ventanilla.queue.boundary.SupervisionBoard.UnitBoard;
import cl.ventanilla.queue.boundary.TicketDesk;
import cl.ventanilla.kernel.cache.Invalidations;
import cl.ventanilla.kernel.redis.Redis;
import cl.ventanilla.queue.control.DisplayChannels;
import cl.ventanilla.queue.control.QueueClock;
import cl.ventanilla.queue.control.LiveBridge;
import cl.ventanilla.queue.control.LiveMessage;
import cl.ventanilla.queue.control.WaitEstimator;
import cl.ventanilla.queue.boundary.VirtualTickets;
import cl.ventanilla.queue.boundary.VirtualTickets.VirtualTicket;
import cl.ventanilla.queue.entity.PauseReason;
import cl.ventanilla.queue.entity.PublicToken;
import cl.ventanilla.queue.entity.QueueException;
import cl.ventanilla.queue.entity.StationSession;
import cl.ventanilla.queue.entity.Ticket;
import cl.ventanilla.queue.entity.TicketState;
import cl.ventanilla.queue.entity.TicketTransferred;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * The queue in Payara Micro against the real PostgreSQL (schema from the migrations, the demo
 * municipality from the demo data). Each test uses its own services and stations, so they do not depend
 * on each other's order or data.
 */
@ExtendWith(ArquillianExtension.class)
class QueueIT {

    private static final Logger LOG = Logger.getLogger(QueueIT.class.getName());

    private static final UUID LICENCIAS = UUID.fromString("20000000-0000-4000-8000-000000000001");
    private static final UUID PERMISOS = UUID.fromString("20000000-0000-4000-8000-000000000002");
    private static final UUID LICENCIA_PRIMERA_VEZ = UUID.fromString("30000000-0000-4000-8000-000000000001");
    private static final UUID RENOVACION_LICENCIA = UUID.fromString("30000000-0000-4000-8000-000000000002");
    private static final UUID RENOVACION_PERMISO = UUID.fromString("30000000-0000-4000-8000-000000000005");
    /** No daily walk-in quota, so a hundred tickets fit. */
    private static final UUID PRIMER_PERMISO = UUID.fromString("30000000-0000-4000-8000-000000000006");
    private static final UUID RSH = UUID.fromString("20000000-0000-4000-8000-000000000003");
    private static final UUID RECTIFICACION_RSH = UUID.fromString("30000000-0000-4000-8000-000000000010");
    private static final UUID SOCIAL = UUID.fromString("20000000-0000-4000-8000-000000000004");
    private static final UUID SUBSIDIO_FAMILIAR = UUID.fromString("30000000-0000-4000-8000-000000000011");
    private static final UUID ACTUALIZACION_RSH = UUID.fromString("30000000-0000-4000-8000-000000000009");

    @Deployment
    static WebArchive deployment() {
        // the config domain's read model, through which the queue reads the configuration
        return ModuleDeployment.of("queue-it.war", "cl.ventanilla.queue").addClass(ConfigurationReadModel.class)
                // with the units' calendars it holds
                .addPackages(false, "cl.ventanilla.config.control", "cl.ventanilla.config.entity");
    }

    @Inject
    TicketDesk desk;

    @Inject
    StationSessions sessions;

    @Inject
    LobbyBoard lobby;

    @Inject
    SupervisionBoard supervision;

    @Inject
    VirtualTickets virtualTickets;

    @Inject
    MovableClock clock;

    @Inject
    WaitEstimator estimator;

    @Inject
    RecordedEvents events;

    @Inject
    DisplayChannels displays;

    @Inject
    LiveBridge bridge;

    @Inject
    Redis redis;

    @Inject
    Invalidations invalidations;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Test
    void twentyStationsCallingAtOnceCallEveryTicketExactlyOnce() throws Exception {
        List<UUID> stations = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            stations.add(createStation(PERMISOS, "Módulo carrera " + i, 100 + i, RENOVACION_PERMISO));
        }
        Set<UUID> issued = ConcurrentHashMap.newKeySet();
        ExecutorService kiosks = Executors.newFixedThreadPool(8);
        try {
            for (Future<UUID> f : kiosks.invokeAll(IntStream.range(0, 200)
                    .mapToObj(i -> (Callable<UUID>) () -> desk.issueWalkIn(RENOVACION_PERMISO, null).ticket().getId())
                    .toList())) {
                issued.add(f.get());
            }
        } finally {
            kiosks.shutdown();
        }
        assertEquals(200, issued.size());

        Map<UUID, UUID> calledBy = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger callNextCalls = new AtomicInteger();
        AtomicInteger busyAnswers = new AtomicInteger();
        AtomicInteger emptyAnswers = new AtomicInteger();
        int requests = 240;
        ExecutorService desks = Executors.newFixedThreadPool(30);
        long started = System.nanoTime();
        try {
            List<Callable<Void>> tasks = IntStream.range(0, requests).mapToObj(i -> (Callable<Void>) () -> {
                UUID station = stations.get(i % stations.size());
                while (true) {
                    callNextCalls.incrementAndGet();
                    Optional<Ticket> next;
                    try {
                        next = desk.callNext(station);
                    } catch (QueueException busy) {
                        assertEquals("station.busy", busy.key());
                        busyAnswers.incrementAndGet();
                        Thread.sleep(3);
                        continue;
                    }
                    if (next.isEmpty()) {
                        emptyAnswers.incrementAndGet();
                        return null;
                    }
                    if (calledBy.putIfAbsent(next.get().getId(), station) != null) {
                        duplicates.incrementAndGet();
                    }
                    desk.start(next.get().getId());
                    desk.finish(next.get().getId(), null);
                    return null;
                }
            }).toList();
            for (Future<Void> f : desks.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            desks.shutdown();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(String.format("Carrera: %d estaciones, %d turnos, %d solicitudes de llamar al siguiente "
                + "(%d llamadas a callNext, %d respuestas 'estación ocupada', %d 'nadie espera') en %d ms; "
                + "%d turnos llamados, %d duplicados", stations.size(), issued.size(), requests, callNextCalls.get(),
                busyAnswers.get(), emptyAnswers.get(), millis, calledBy.size(), duplicates.get()));

        assertEquals(0, duplicates.get(), "no ticket handed to two stations");
        assertEquals(issued, calledBy.keySet(), "every ticket called, none skipped");
        assertEquals(requests - 200, emptyAnswers.get());
        assertEquals(List.of("200"), strings("""
                SELECT count(*) FROM turno_eventos e JOIN turnos t ON t.id = e.turno_id
                WHERE t.servicio_id = ? AND e.tipo = 'LLAMADO'""", RENOVACION_PERMISO));
        assertEquals(List.of("0"), strings("""
                SELECT count(*) FROM (SELECT e.turno_id FROM turno_eventos e JOIN turnos t ON t.id = e.turno_id
                WHERE t.servicio_id = ? AND e.tipo = 'LLAMADO' GROUP BY e.turno_id HAVING count(*) > 1) twice""",
                RENOVACION_PERMISO));
        assertEquals(List.of("0"), strings("SELECT count(*) FROM turnos WHERE servicio_id = ? AND estado <> 'FINALIZADO'",
                RENOVACION_PERMISO));
        // a station never held two tickets at once: each call comes after the station finished the previous one
        assertEquals(List.of("0"), strings("""
                SELECT count(*) FROM (
                    SELECT hora_llamado, lag(hora_fin_atencion) OVER (PARTITION BY estacion_id ORDER BY hora_llamado) AS previous_end
                    FROM turnos WHERE servicio_id = ?) calls
                WHERE previous_end > hora_llamado""", RENOVACION_PERMISO));
        Map<UUID, Integer> perStation = new HashMap<>();
        calledBy.values().forEach(s -> perStation.merge(s, 1, Integer::sum));
        LOG.info("Turnos por estación: " + perStation.values());
    }

    private static volatile boolean demoUnitsAlwaysOpen;

    /**
     * The demo units attend all day every day here, holidays included: the tests issue tickets at whatever
     * time they run or at the moments they choose. The test of closed units gives its own unit hours.
     */
    @BeforeEach
    void demoUnitsAttendAllDay() throws SQLException {
        if (demoUnitsAlwaysOpen) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM horarios_unidad");
            statement.executeUpdate("""
                    INSERT INTO horarios_unidad (unidad_id, dia_semana, hora_apertura, hora_cierre)
                    SELECT u.id, d, time '00:00', time '24:00' FROM unidades u CROSS JOIN generate_series(1, 7) d""");
            statement.executeUpdate("UPDATE feriados SET activo = false");
        }
        configurationChanged();
        demoUnitsAlwaysOpen = true;
    }

    @Test
    void theTenThousandthTicketOfADayGetsFiveDigitsAndTheNumbersGoOn() throws SQLException {
        LocalDate day = LocalDate.of(2031, 9, 2);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement counter = connection.prepareStatement("""
                        INSERT INTO contadores_turno (servicio_id, fecha, ultimo_numero) VALUES (?, ?, 9998)
                        ON CONFLICT (servicio_id, fecha) DO UPDATE SET ultimo_numero = 9998""")) {
            counter.setObject(1, RECTIFICACION_RSH);
            counter.setObject(2, day);
            counter.executeUpdate();
        }
        try {
            clock.moveTo(day.atTime(11, 0).atZone(QueueClock.ZONE).toInstant());
            Ticket last = desk.issueWalkIn(RECTIFICACION_RSH, null).ticket();
            Ticket tenThousandth = desk.issueWalkIn(RECTIFICACION_RSH, null).ticket();
            Ticket next = desk.issueWalkIn(RECTIFICACION_RSH, null).ticket();
            String prefix = last.getNumber().substring(0, last.getNumber().indexOf('-'));
            assertEquals(prefix + "-9999", last.getNumber());
            assertEquals(prefix + "-10000", tenThousandth.getNumber(), "shown and printed");
            assertEquals(prefix + " 10000", tenThousandth.getSpokenNumber(), "as the voice says it");
            assertEquals(prefix + "-10001", next.getNumber());
            assertEquals(List.of("9999", "10000", "10001"), strings(
                    "SELECT numero::text AS shown FROM turnos WHERE servicio_id = ? AND fecha = ? ORDER BY numero",
                    RECTIFICACION_RSH, day));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aClosedUnitIssuesNoTicketAndSaysWhenItOpensAgain() throws SQLException {
        UUID unit = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO unidades (id, direccion_id, nombre) VALUES ('" + unit
                    + "', '10000000-0000-4000-8000-000000000002', 'Oficina Horario " + unit.toString().substring(0, 6) + "')");
            statement.executeUpdate("INSERT INTO servicios (id, unidad_id, nombre, prefijo) VALUES ('" + service + "', '"
                    + unit + "', 'Trámite con horario', 'H')");
            // weekdays 08:30–13:30 and 14:30–17:00
            statement.executeUpdate("INSERT INTO horarios_unidad (unidad_id, dia_semana, hora_apertura, hora_cierre) "
                    + "SELECT '" + unit + "', d, t.abre, t.cierra FROM generate_series(1, 5) d, (VALUES (time '08:30', "
                    + "time '13:30'), (time '14:30', time '17:00')) t (abre, cierra)");
            statement.executeUpdate("INSERT INTO feriados (fecha, nombre) VALUES (DATE '2031-10-14', 'Feriado de prueba')");
            statement.executeUpdate("INSERT INTO cierres_unidad (unidad_id, fecha_desde, fecha_hasta, motivo) VALUES ('"
                    + unit + "', DATE '2031-10-15', DATE '2031-10-16', 'Fumigación')");
        }
        configurationChanged();
        String name = "Oficina Horario " + unit.toString().substring(0, 6);
        try {
            // Sunday 23:05 in Santiago
            QueueException sunday = closedAt(service, ZonedDateTime.of(2031, 10, 12, 23, 5, 0, 0, QueueClock.ZONE));
            assertEquals("unit.closed", sunday.key());
            assertEquals(Kind.CONFLICT, sunday.kind());
            assertEquals("«" + name + "» está cerrada en este momento: no entrega números. Vuelve a atender el lunes "
                    + "13-10-2031 a las 08:30.", sunday.messageIn(SPANISH));
            assertEquals("\"" + name + "\" is closed now and issues no tickets. It opens again on Monday 13-10-2031 "
                    + "at 08:30.", sunday.messageIn(Locale.ENGLISH));
            // Monday before opening and at lunch: today
            assertTrue(closedAt(service, ZonedDateTime.of(2031, 10, 13, 8, 29, 0, 0, QueueClock.ZONE)).messageIn(SPANISH)
                    .endsWith("Vuelve a atender hoy a las 08:30."));
            assertTrue(closedAt(service, ZonedDateTime.of(2031, 10, 13, 13, 30, 0, 0, QueueClock.ZONE)).messageIn(Locale.ENGLISH)
                    .endsWith("It opens again today at 14:30."));
            // a holiday, then the unit's closure right after it: open again on Friday
            QueueException holiday = closedAt(service, ZonedDateTime.of(2031, 10, 14, 10, 0, 0, 0, QueueClock.ZONE));
            assertEquals("unit.closedToday", holiday.key());
            assertEquals("«" + name + "» no atiende hoy (Feriado de prueba): no entrega números. Vuelve a atender el "
                    + "viernes 17-10-2031 a las 08:30.", holiday.messageIn(SPANISH));
            assertEquals("\"" + name + "\" is closed today (Fumigación) and issues no tickets. It opens again on Friday "
                    + "17-10-2031 at 08:30.", closedAt(service, ZonedDateTime.of(2031, 10, 16, 16, 0, 0, 0, QueueClock.ZONE))
                    .messageIn(Locale.ENGLISH));
            assertEquals(List.of(), strings("SELECT id::text FROM turnos WHERE servicio_id = ?", service),
                    "nothing written");

            clock.moveTo(ZonedDateTime.of(2031, 10, 13, 8, 30, 0, 0, QueueClock.ZONE).toInstant());
            assertEquals("H-001", desk.issueWalkIn(service, null).ticket().getNumber(),
                    "open from its opening minute, and the refusals used no number");

            // a booking at 08:30 may check in from 08:00 by the unit's rules, but the unit opens at 08:30
            createBooking("HORARIO-0830", service, rutOf(31_000_013),
                    ZonedDateTime.of(2031, 10, 20, 8, 30, 0, 0, QueueClock.ZONE).toInstant());
            clock.moveTo(ZonedDateTime.of(2031, 10, 20, 8, 10, 0, 0, QueueClock.ZONE).toInstant());
            QueueException early = assertThrows(QueueException.class, () -> desk.checkIn("HORARIO-0830"));
            assertEquals("unit.closed", early.key());
            assertTrue(early.messageIn(SPANISH).endsWith("Vuelve a atender hoy a las 08:30."), early.messageIn(SPANISH));
            assertEquals(List.of("CONFIRMADO"), strings("SELECT estado FROM agendamientos WHERE codigo = 'HORARIO-0830'"),
                    "the booking is not marked as presented");
            clock.moveTo(ZonedDateTime.of(2031, 10, 20, 8, 30, 0, 0, QueueClock.ZONE).toInstant());
            assertTrue(desk.checkIn("HORARIO-0830").ticket().isAppointment());
        } finally {
            clock.reset();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM feriados WHERE fecha = DATE '2031-10-14'");
            }
            configurationChanged();
        }
    }

    private QueueException closedAt(UUID service, ZonedDateTime moment) {
        clock.moveTo(moment.toInstant());
        return assertThrows(QueueException.class, () -> desk.issueWalkIn(service, null));
    }

    @Test
    void concurrentKiosksNeverGiveTheSameNumber() throws Exception {
        ExecutorService kiosks = Executors.newFixedThreadPool(20);
        List<Integer> numbers = new ArrayList<>();
        try {
            for (Future<String> f : kiosks.invokeAll(IntStream.range(0, 100)
                    .mapToObj(i -> (Callable<String>) () -> desk.issueWalkIn(PRIMER_PERMISO, null).ticket().getNumber())
                    .toList())) {
                String number = f.get();
                assertTrue(number.matches("[A-Z]{1,2}-\\d{3,4}"), number);
                numbers.add(Integer.parseInt(number.substring(number.indexOf('-') + 1)));
            }
        } finally {
            kiosks.shutdown();
        }
        assertEquals(IntStream.rangeClosed(1, 100).boxed().toList(), numbers.stream().sorted().toList());
        assertEquals(100, new HashSet<>(numbers).size());
    }

    @Test
    void numbersRestartEachDayInSantiago() {
        try {
            // 23:30 in Santiago (UTC-4 in May) is still the 5th there
            clock.moveTo(Instant.parse("2031-05-06T03:30:00Z"));
            TicketDesk.IssuedTicket first = desk.issueWalkIn(ACTUALIZACION_RSH, null);
            TicketDesk.IssuedTicket second = desk.issueWalkIn(ACTUALIZACION_RSH, "PERSONA_MAYOR");
            assertEquals(LocalDate.of(2031, 5, 5), first.ticket().getDay());
            assertTrue(first.ticket().getNumber().endsWith("-001"), first.ticket().getNumber());
            assertTrue(second.ticket().getNumber().endsWith("-002"), second.ticket().getNumber());
            assertTrue(second.ticket().isPreferential());
            assertEquals(1, second.peopleAhead());

            clock.moveTo(Instant.parse("2031-05-06T04:30:00Z"));
            TicketDesk.IssuedTicket nextDay = desk.issueWalkIn(ACTUALIZACION_RSH, null);
            assertEquals(LocalDate.of(2031, 5, 6), nextDay.ticket().getDay());
            assertTrue(nextDay.ticket().getNumber().endsWith("-001"), nextDay.ticket().getNumber());
            assertEquals(0, nextDay.peopleAhead(), "yesterday's queue is not today's");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aTransferKeepsTheNumberAndTheOtherDeskCallsIt() throws SQLException {
        UUID first = createStation(LICENCIAS, "Módulo traspaso A", 101, LICENCIA_PRIMERA_VEZ);
        UUID second = createStation(LICENCIAS, "Módulo traspaso B", 102, RENOVACION_LICENCIA);
        Ticket issued = desk.issueWalkIn(LICENCIA_PRIMERA_VEZ, null).ticket();

        Ticket called = desk.callNext(first).orElseThrow();
        assertEquals(issued.getId(), called.getId());
        QueueException busy = assertThrows(QueueException.class, () -> desk.callNext(first));
        assertEquals(Kind.CONFLICT, busy.kind());
        assertTrue(busy.messageIn(Locale.forLanguageTag("es")).contains(issued.getNumber()), busy.messageIn(null));
        desk.recall(issued.getId());
        desk.start(issued.getId());

        Ticket transferred = desk.transfer(issued.getId(), RENOVACION_LICENCIA);
        assertEquals(issued.getNumber(), transferred.getNumber());
        assertEquals(TicketState.WAITING, transferred.getState());
        assertTrue(desk.callNext(first).isEmpty(), "it left the first service's queue");

        Ticket again = desk.callNext(second).orElseThrow();
        assertEquals(issued.getId(), again.getId());
        assertEquals(issued.getNumber(), again.getNumber());
        assertEquals(RENOVACION_LICENCIA, again.getServiceId());
        assertEquals(LICENCIA_PRIMERA_VEZ, again.getIssuedForServiceId());
        assertEquals(2, events.callsOf(issued.getId()).size());
        TicketTransferred fact = events.transfersOf(issued.getId()).get(0);
        assertEquals("Módulo traspaso A", fact.stationName());
        assertEquals(RENOVACION_LICENCIA, fact.toServiceId());

        Snapshot snapshot = lobby.snapshot(LICENCIAS);
        assertEquals(issued.getNumber(), snapshot.lastCalls().get(0).number());
        assertEquals("Módulo traspaso B", snapshot.lastCalls().get(0).stationName());
        assertFalse(snapshot.services().isEmpty());
        assertEquals(Kind.CONFLICT, assertThrows(QueueException.class, () -> desk.finish(issued.getId(), null)).kind(),
                "called, not yet in service");
        assertEquals(Kind.NOT_FOUND, assertThrows(QueueException.class, () -> desk.recall(UUID.randomUUID())).kind());
        assertEquals(TicketState.NO_SHOW, desk.noShow(issued.getId()).getState());
    }

    /**
     * A unit of the test's own, so its rules change nothing else: one service ({@code R}) attended by one
     * desk, a second service ({@code T}) by another, interleaving {@code preferential:normal}, promoting
     * after {@code maxWaitMinutes}, recognizing PERSONA_MAYOR, the check-in window 30 min before to 15 after.
     */
    private record OwnUnit(UUID id, UUID service, UUID station, UUID otherService, UUID otherStation) {
    }

    private OwnUnit createUnit(String name, int preferential, int normal, int maxWaitMinutes, int averageMinutes)
            throws SQLException {
        UUID unit = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID rule = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insertUnit = connection.prepareStatement("""
                        INSERT INTO unidades (id, direccion_id, nombre)
                        VALUES (?, '10000000-0000-4000-8000-000000000002', ?)""");
                PreparedStatement insertService = connection.prepareStatement("""
                        INSERT INTO servicios (id, unidad_id, nombre, prefijo, duracion_promedio_min)
                        VALUES (?, ?, ?, ?, ?)""");
                PreparedStatement insertRule = connection.prepareStatement("""
                        INSERT INTO reglas_prioridad (id, unidad_id, proporcion_preferencial, proporcion_normal,
                                                      espera_maxima_min) VALUES (?, ?, ?, ?, ?)""");
                PreparedStatement recognize = connection.prepareStatement("""
                        INSERT INTO reglas_prioridad_categorias (regla_id, categoria_id)
                        SELECT ?, id FROM categorias_preferenciales WHERE codigo = 'PERSONA_MAYOR'""");
                // open all day every day, like the demo units here: the tests choose the moments they issue at
                PreparedStatement attendAllDay = connection.prepareStatement("""
                        INSERT INTO horarios_unidad (unidad_id, dia_semana, hora_apertura, hora_cierre)
                        SELECT ?, d, time '00:00', time '24:00' FROM generate_series(1, 7) d""")) {
            insertUnit.setObject(1, unit);
            insertUnit.setString(2, name);
            assertEquals(1, insertUnit.executeUpdate());
            for (Object[] row : List.of(new Object[] {service, "Trámite " + name, "R"},
                    new Object[] {other, "Otro trámite " + name, "T"})) {
                insertService.setObject(1, row[0]);
                insertService.setObject(2, unit);
                insertService.setString(3, (String) row[1]);
                insertService.setString(4, (String) row[2]);
                insertService.setInt(5, averageMinutes);
                assertEquals(1, insertService.executeUpdate());
            }
            insertRule.setObject(1, rule);
            insertRule.setObject(2, unit);
            insertRule.setInt(3, preferential);
            insertRule.setInt(4, normal);
            insertRule.setInt(5, maxWaitMinutes);
            assertEquals(1, insertRule.executeUpdate());
            recognize.setObject(1, rule);
            assertEquals(1, recognize.executeUpdate());
            attendAllDay.setObject(1, unit);
            assertEquals(7, attendAllDay.executeUpdate());
        }
        return new OwnUnit(unit, service, createStation(unit, "Módulo " + name, 1, service), other,
                createStation(unit, "Módulo otro " + name, 2, other));
    }

    /** Issues a walk-in ticket at that moment (Santiago's time in the comments: UTC-4 in June and July). */
    private UUID issueAt(String instant, UUID service, String category) {
        clock.moveTo(Instant.parse(instant));
        return desk.issueWalkIn(service, category).ticket().getId();
    }

    /** Calls, starts and finishes until nobody waits, a minute per ticket from {@code from}. */
    private List<UUID> callAllFrom(String from, UUID station) {
        List<UUID> called = new ArrayList<>();
        Instant at = Instant.parse(from);
        for (int i = 0; i < 50; i++) {
            clock.moveTo(at.plus(Duration.ofMinutes(i)));
            Optional<Ticket> next = desk.callNext(station);
            if (next.isEmpty()) {
                return called;
            }
            called.add(next.get().getId());
            desk.start(next.get().getId());
            desk.finish(next.get().getId(), null);
        }
        throw new AssertionError("more than 50 calls: " + called);
    }

    @Test
    void theDeskInterleavesPreferentialAndNormalTicketsByTheUnitsRatio() throws SQLException {
        // per ratio (preferential:normal), the order of six normal tickets n1…n6 (10:00…10:05) and four
        // preferential ones p1…p4 (10:06…10:09): the desk's first call is a preferential one
        Map<String, String> expected = Map.of(
                "1:1", "p1 n1 p2 n2 p3 n3 p4 n4 n5 n6",
                "1:2", "p1 n1 n2 p2 n3 n4 p3 n5 n6 p4",
                "1:3", "p1 n1 n2 n3 p2 n4 n5 n6 p3 p4");
        int day = 10;
        try {
            for (String ratio : List.of("1:1", "1:2", "1:3")) {
                int normal = Integer.parseInt(ratio.substring(2));
                OwnUnit unit = createUnit("Intercalado " + ratio, 1, normal, 45, 10);
                Map<UUID, String> names = new HashMap<>();
                String date = "2031-06-" + day++;
                for (int i = 1; i <= 6; i++) {
                    names.put(issueAt(date + "T14:0" + (i - 1) + ":00Z", unit.service(), null), "n" + i);
                }
                for (int i = 1; i <= 4; i++) {
                    names.put(issueAt(date + "T14:0" + (i + 5) + ":00Z", unit.service(), "PERSONA_MAYOR"), "p" + i);
                }
                List<String> order = callAllFrom(date + "T14:10:00Z", unit.station()).stream().map(names::get).toList();
                assertEquals(expected.get(ratio), String.join(" ", order), ratio);
            }
        } finally {
            clock.reset();
        }
    }

    @Test
    void aTicketIsPromotedOnlyWhenItHasWaitedLongerThanTheMaximum() throws SQLException {
        OwnUnit unit = createUnit("Espera máxima", 1, 2, 45, 10);
        // a normal ticket at 10:00:00 and a preferential one at 10:30:00; the desk's first call is due to a
        // preferential ticket unless the normal one has waited more than the unit's 45 minutes
        Map<String, String> callAt = new LinkedHashMap<>();
        callAt.put("14:44:59Z", "preferential");
        callAt.put("14:45:00Z", "preferential");
        callAt.put("14:45:00.000500Z", "normal");
        callAt.put("14:45:01Z", "normal");
        int day = 10;
        try {
            for (Map.Entry<String, String> call : callAt.entrySet()) {
                String date = "2031-07-" + day++;
                UUID normal = issueAt(date + "T14:00:00Z", unit.service(), null);
                UUID preferential = issueAt(date + "T14:30:00Z", unit.service(), "PERSONA_MAYOR");
                clock.moveTo(Instant.parse(date + "T" + call.getKey()));
                UUID first = desk.callNext(unit.station()).orElseThrow().getId();
                assertEquals(call.getValue(), first.equals(normal) ? "normal" : first.equals(preferential)
                        ? "preferential" : "another", "called at " + call.getKey());
            }
        } finally {
            clock.reset();
        }
    }

    @Test
    void dueAppointmentsGoFirstEarliestBookedFirstButNotBeforeTheirTime() throws SQLException {
        OwnUnit unit = createUnit("Agendados", 1, 2, 45, 10);
        Map<UUID, String> names = new HashMap<>();
        try {
            createBooking("VARIAS-1010", unit.service(), rutOf(31_000_011), Instant.parse("2031-07-03T14:10:00Z"));
            createBooking("VARIAS-1020", unit.service(), rutOf(31_000_012), Instant.parse("2031-07-03T14:20:00Z"));
            createBooking("VARIAS-1040", unit.service(), rutOf(31_000_013), Instant.parse("2031-07-03T14:40:00Z"));
            names.put(issueAt("2031-07-03T13:30:00Z", unit.service(), null), "walk-in 09:30");
            clock.moveTo(Instant.parse("2031-07-03T13:52:00Z"));
            TicketDesk.IssuedTicket at1020 = desk.checkIn("VARIAS-1020");
            names.put(at1020.ticket().getId(), "booked 10:20");
            clock.moveTo(Instant.parse("2031-07-03T13:58:00Z"));
            TicketDesk.IssuedTicket at1010 = desk.checkIn("VARIAS-1010");
            names.put(at1010.ticket().getId(), "booked 10:10");
            names.put(issueAt("2031-07-03T14:00:00Z", unit.service(), "PERSONA_MAYOR"), "preferential 10:00");
            clock.moveTo(Instant.parse("2031-07-03T14:12:00Z"));
            TicketDesk.IssuedTicket at1040 = desk.checkIn("VARIAS-1040");
            names.put(at1040.ticket().getId(), "booked 10:40");
            names.put(issueAt("2031-07-03T14:15:00Z", unit.service(), null), "walk-in 10:15");

            // the kiosk tells an appointment the appointments booked before it, not the walk-ins it will go
            // before at its time; and promises whichever comes first (one desk, 10 minutes an attention):
            // 10:20, at 09:52, by its arrival behind the walk-in who has waited 22 minutes; 10:40, at 10:12,
            // at its time (28 minutes; the two booked before it are due and called meanwhile) plus one
            // attention, before the 50 minutes of the four in the line
            assertEquals(List.of(0, 0, 2), List.of(at1020.peopleAhead(), at1010.peopleAhead(), at1040.peopleAhead()));
            assertEquals(22 * 60, at1020.waitSecondsP50());
            assertEquals(38 * 60, at1040.waitSecondsP50());
            // and so does its virtual ticket: at 10:16 ahead of 10:20 is 10:10 alone, whoever came before;
            // 4 minutes to its time and two attentions, before the 46 minutes the line's head has waited
            clock.moveTo(Instant.parse("2031-07-03T14:16:00Z"));
            VirtualTicket virtual1020 = virtualTickets.find(PublicToken.of(at1020.ticket().getPublicToken())).orElseThrow();
            assertEquals(1, virtual1020.peopleAhead());
            assertEquals(24, virtual1020.waitMinutesP50());
            assertEquals(2, virtualTickets.find(PublicToken.of(at1040.ticket().getPublicToken())).orElseThrow().peopleAhead());

            // from 10:25: the two bookings whose time has come, the earlier booked first though it arrived
            // later; the walk-in waiting 55 minutes; after three normal calls the preferential ticket; the
            // 10:40 booking, not due before 10:40, waits in the normal line in its place of arrival (10:12)
            assertEquals(List.of("booked 10:10", "booked 10:20", "walk-in 09:30", "preferential 10:00",
                    "booked 10:40", "walk-in 10:15"),
                    callAllFrom("2031-07-03T14:25:00Z", unit.station()).stream().map(names::get).toList());
        } finally {
            clock.reset();
        }
    }

    @Test
    void aTransferredTicketJoinsTheOtherQueueWhenTransferredKeepingItsNumber() throws SQLException {
        OwnUnit unit = createUnit("Traspasos", 1, 2, 45, 10);
        try {
            clock.moveTo(Instant.parse("2031-07-04T13:00:00Z"));
            Ticket transferred = desk.issueWalkIn(unit.service(), null).ticket();
            clock.moveTo(Instant.parse("2031-07-04T13:10:00Z"));
            assertEquals(transferred.getId(), desk.callNext(unit.station()).orElseThrow().getId());
            desk.start(transferred.getId());
            UUID waitingThere = issueAt("2031-07-04T14:00:00Z", unit.otherService(), null);
            clock.moveTo(Instant.parse("2031-07-04T14:20:00Z"));
            desk.transfer(transferred.getId(), unit.otherService());
            UUID preferential = issueAt("2031-07-04T14:30:00Z", unit.otherService(), "PERSONA_MAYOR");

            // 10:50: the ticket waiting there since 10:00 has waited 50 minutes and goes first; the
            // transferred one has waited 110 minutes since it was issued but 30 in this queue, so it is an
            // ordinary normal ticket here, called before the preferential one as the desk owes two normal
            Map<UUID, String> names = Map.of(waitingThere, "waiting there", transferred.getId(), "transferred",
                    preferential, "preferential");
            List<UUID> order = callAllFrom("2031-07-04T14:50:00Z", unit.otherStation());
            assertEquals(List.of("waiting there", "transferred", "preferential"), order.stream().map(names::get).toList());
            assertEquals(transferred.getNumber(), desk.get(transferred.getId()).getNumber());
            assertEquals(unit.otherService(), desk.get(transferred.getId()).getServiceId());
        } finally {
            clock.reset();
        }
    }

    @Test
    void theEstimatesOfTheKioskTheLobbyAndTheVirtualTicketFollowKnownServiceTimesAndWaits() throws SQLException {
        // one desk attends the service (configured average 15 minutes); July 8th, 10:00 in Santiago is 14:00Z
        OwnUnit unit = createUnit("Estimaciones", 1, 2, 45, 15);
        try {
            // nobody ahead, no history: the configured average, p50 = 15, p90 = 15 + 1.2816 × 15 = 34.2 → 35
            clock.moveTo(Instant.parse("2031-07-08T14:00:00Z"));
            TicketDesk.IssuedTicket first = desk.issueWalkIn(unit.service(), null);
            assertEquals(List.of(0, 15, 35), List.of(first.peopleAhead(), first.waitMinutesP50(), first.waitMinutesP90()));
            for (int i = 0; i < 4; i++) {
                desk.issueWalkIn(unit.service(), null);
            }
            // five attentions of 4, 6, 5, 7 and 8 minutes, back to back from 10:00; the last one called at 10:22
            String[][] attentions = {{"14:00", "14:04"}, {"14:04", "14:10"}, {"14:10", "14:15"}, {"14:15", "14:22"},
                {"14:22", "14:30"}};
            for (String[] attention : attentions) {
                clock.moveTo(Instant.parse("2031-07-08T" + attention[0] + ":00Z"));
                UUID called = desk.callNext(unit.station()).orElseThrow().getId();
                desk.start(called);
                clock.moveTo(Instant.parse("2031-07-08T" + attention[1] + ":00Z"));
                desk.finish(called, null);
            }
            issueAt("2031-07-08T14:30:00Z", unit.service(), null);
            issueAt("2031-07-08T14:33:00Z", unit.service(), null);

            // 10:40: two wait; the service times newest first; the last ticket called (10:22) had waited 22
            // minutes (since 10:00); the head of the line has waited 10 (since 10:30)
            clock.moveTo(Instant.parse("2031-07-08T14:40:00Z"));
            assertEquals(new WaitEstimator.Observation(2, minutes(8, 7, 5, 6, 4), Optional.of(Duration.ofMinutes(22)),
                    Optional.of(Duration.ofMinutes(10))),
                    estimator.observe(List.of(unit.service()), clock.now(), LocalDate.of(2031, 7, 8)).get(unit.service()));
            // mean 6, deviation max(sample's 1.58, mean) = 6, three completions ahead of the newcomer:
            // queue length p50 = 3 × 6 = 18, p90 = 18 + 1.2816 × √3 × 6 = 31.3; history max(22, 10) = 22;
            // p50 = max(18, 22) = 22, p90 = max(31.3, 22, 1.25 × 22 = 27.5) = 31.3 → 32
            TicketDesk.IssuedTicket issued = desk.issueWalkIn(unit.service(), null);
            assertEquals(List.of(2, 22, 32), List.of(issued.peopleAhead(), issued.waitMinutesP50(), issued.waitMinutesP90()));

            // 11:20: three wait, the head of the line for 50 minutes (since 10:30), the last call 58 minutes ago
            clock.moveTo(Instant.parse("2031-07-08T15:20:00Z"));
            // the lobby, for a newcomer behind the three: queue length p50 = 4 × 6 = 24, p90 = 24 + 1.2816 × 2 × 6
            // = 39.4; history max(22, 50) = 50; p50 = 50, p90 = max(39.4, 50, 1.25 × 50 = 62.5) → 63
            Snapshot lobbyNow = lobby.snapshot(unit.id());
            assertEquals(List.of("R|3|50|63", "T|0|15|35"), lobbyNow.services().stream()
                    .map(q -> q.prefix() + "|" + q.waiting() + "|" + q.waitMinutesP50() + "|" + q.waitMinutesP90())
                    .toList(), "the other service: nobody, no history, the configured 15 minutes");
            // the virtual ticket issued at 10:40, two ahead: queue length 18 and 31.3, history 50 → 50–63
            VirtualTicket virtual = virtualTickets.find(PublicToken.of(issued.ticket().getPublicToken())).orElseThrow();
            assertEquals(List.of(2, 50, 63), List.of(virtual.peopleAhead(), virtual.waitMinutesP50(),
                    virtual.waitMinutesP90()));

            // 11:23: the last call (10:22) is more than an hour old and no longer counts; the head waited 53
            clock.moveTo(Instant.parse("2031-07-08T15:23:00Z"));
            assertEquals(Optional.empty(), estimator.observe(List.of(unit.service()), clock.now(),
                    LocalDate.of(2031, 7, 8)).get(unit.service()).lastToEnterService());
        } finally {
            clock.reset();
        }
    }

    private static List<Duration> minutes(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
    }

    @Test
    void aPausedStationCallsNobodyUntilItResumesAndThePauseIsRecorded() throws SQLException {
        UUID licenciasDuplicado = UUID.fromString("30000000-0000-4000-8000-000000000003");
        UUID station = createStation(LICENCIAS, "Módulo pausa", 501, licenciasDuplicado);
        UUID operator = createOperator("Operadora Pausa");
        StationSession opened = sessions.open(station, operator);
        assertEquals(opened.getId(), sessions.open(station, operator).getId(), "sitting again keeps the session");
        Ticket waiting = desk.issueWalkIn(licenciasDuplicado, null).ticket();

        sessions.pause(station, operator, PauseReason.of("LUNCH", null));
        QueueException refused = assertThrows(QueueException.class, () -> desk.callNext(station));
        assertEquals(Kind.CONFLICT, refused.kind());
        assertEquals("station.paused", refused.key());
        assertTrue(refused.messageIn(Locale.forLanguageTag("es")).contains("en pausa"), refused.messageIn(null));
        assertEquals(TicketState.WAITING, desk.get(waiting.getId()).getState(), "nobody was called");
        assertEquals(List.of("Módulo pausa"), lobby.snapshot(LICENCIAS).pausedStations().stream()
                .map(p -> p.name()).toList());
        assertEquals("station.alreadyPaused", assertThrows(QueueException.class,
                () -> sessions.pause(station, operator, PauseReason.of("PAUSA_BREVE", null))).key());

        sessions.resume(station);
        assertTrue(lobby.snapshot(LICENCIAS).pausedStations().isEmpty());
        assertEquals(waiting.getId(), desk.callNext(station).orElseThrow().getId());
        assertEquals("station.pauseBusy", assertThrows(QueueException.class,
                () -> sessions.pause(station, operator, PauseReason.of("SHORT_BREAK", null))).key(),
                "a called citizen is not left standing at a paused desk");
        desk.start(waiting.getId());
        desk.finish(waiting.getId(), null);
        assertEquals("station.notPaused", assertThrows(QueueException.class, () -> sessions.resume(station)).key());

        sessions.pause(station, operator, PauseReason.of("OTHER", "  Reunión con la jefatura  "));
        sessions.close(station);
        assertTrue(sessions.current(station).isEmpty());
        assertEquals(List.of("ALMUERZO|true", "Reunión con la jefatura|true"), strings("""
                SELECT p.motivo || '|' || (p.fin IS NOT NULL AND p.fin >= p.inicio) FROM pausas_estacion p
                JOIN sesiones_estacion s ON s.id = p.sesion_id WHERE s.estacion_id = ? ORDER BY p.inicio""", station));
        assertEquals(List.of("CERRADA"), strings("SELECT estado FROM sesiones_estacion WHERE estacion_id = ?", station));
        assertEquals(Kind.INVALID, assertThrows(QueueException.class, () -> PauseReason.of("OTHER", " ")).kind());
        assertEquals(Kind.INVALID, assertThrows(QueueException.class, () -> PauseReason.of("SIESTA", null)).kind());
    }

    @Test
    void anOperatorSitsAtOneStationAtATime() throws SQLException {
        UUID first = createStation(PERMISOS, "Módulo sesión A", 511, RENOVACION_PERMISO);
        UUID second = createStation(PERMISOS, "Módulo sesión B", 512, RENOVACION_PERMISO);
        UUID operator = createOperator("Operador Itinerante");
        UUID colleague = createOperator("Operadora Relevo");
        sessions.pause(first, operator, PauseReason.of("INTERNAL_TASK", null));
        sessions.open(second, operator);
        assertTrue(sessions.current(first).isEmpty(), "moving to another station closes the first one's session");
        assertEquals(List.of("TRAMITE_INTERNO|true"), strings("""
                SELECT p.motivo || '|' || (p.fin IS NOT NULL) FROM pausas_estacion p
                JOIN sesiones_estacion s ON s.id = p.sesion_id WHERE s.estacion_id = ?""", first));
        sessions.open(second, colleague);
        assertEquals(colleague, sessions.current(second).orElseThrow().getOperatorId(), "the relief takes the station over");
        assertEquals(List.of("1"), strings("""
                SELECT count(*) FROM sesiones_estacion WHERE usuario_id = ? AND fin IS NULL""", colleague));
        assertEquals(List.of("0"), strings("""
                SELECT count(*) FROM sesiones_estacion WHERE usuario_id = ? AND fin IS NULL""", operator));
    }

    @Test
    void theSupervisorsBoardShowsWaitsDesksAndTheForecastAndDesksAnnounceTheirSessions() throws Exception {
        UUID rentas = UUID.fromString("20000000-0000-4000-8000-000000000006");
        UUID alcoholes = UUID.fromString("30000000-0000-4000-8000-000000000019");
        List<String> messages = new CopyOnWriteArrayList<>();
        DisplayChannels.Sink screen = messages::add;
        displays.register(rentas, screen);
        try {
            UUID station = createStation(rentas, "Módulo supervisado", 531, alcoholes);
            assertTrue(supervision.units().stream().anyMatch(u -> u.id().equals(rentas)));
            ServiceLine before = line(supervision.board(rentas), alcoholes);
            assertEquals(DeskState.CLOSED, desk(supervision.board(rentas), station).state());

            UUID operator = createOperator("Operador Supervisado");
            sessions.open(station, operator);
            waitFor(() -> messages.stream().anyMatch(m -> m.contains("\"kind\":\"opened\"")
                    && m.contains("Módulo supervisado")), "the desk's opening reaches the screens");
            UnitBoard open = supervision.board(rentas);
            assertEquals(DeskState.OPEN, desk(open, station).state());
            assertEquals(before.openDesks() + 1, line(open, alcoholes).openDesks());

            Ticket first = desk.issueWalkIn(alcoholes, null).ticket();
            desk.issueWalkIn(alcoholes, null);
            ServiceLine waiting = line(supervision.board(rentas), alcoholes);
            assertEquals(before.waiting() + 2, waiting.waiting());
            assertFalse(waiting.meanOfToday(), "nothing of the service finished today yet: the configured mean");
            // the last in line has everybody else ahead of them, shared among the open desks
            Duration ahead = waiting.meanService().multipliedBy(waiting.waiting() - 1).dividedBy(waiting.openDesks());
            assertTrue(waiting.forecast().projectedWait().orElseThrow().compareTo(ahead) >= 0,
                    waiting.forecast() + " vs " + ahead);
            assertEquals(waiting.forecast().projectedWait().orElseThrow().compareTo(waiting.sla()) > 0,
                    waiting.forecast().alerting());

            assertEquals(first.getId(), desk.callNext(station).orElseThrow().getId());
            UnitBoard serving = supervision.board(rentas);
            assertEquals(first.getNumber(), desk(serving, station).ticketNumber());
            assertEquals(before.beingServed() + 1, line(serving, alcoholes).beingServed());
            assertEquals(before.waiting() + 1, line(serving, alcoholes).waiting());
            desk.start(first.getId());
            desk.finish(first.getId(), null);

            sessions.pause(station, operator, PauseReason.of("SHORT_BREAK", null));
            UnitBoard paused = supervision.board(rentas);
            assertEquals(DeskState.PAUSED, desk(paused, station).state());
            assertEquals(before.openDesks(), line(paused, alcoholes).openDesks());
            assertEquals(paused.count(DeskState.PAUSED), paused.desks().stream()
                    .filter(d -> d.state() == DeskState.PAUSED).count());

            sessions.close(station);
            waitFor(() -> messages.stream().anyMatch(m -> m.contains("\"kind\":\"closed\"")
                    && m.contains("Módulo supervisado")), "the desk's closing reaches the screens");
            assertEquals(DeskState.CLOSED, desk(supervision.board(rentas), station).state());

            QueueException unknown = assertThrows(QueueException.class, () -> supervision.board(UUID.randomUUID()));
            assertEquals(Kind.NOT_FOUND, unknown.kind());
        } finally {
            displays.unregister(rentas, screen);
        }
    }

    private static ServiceLine line(UnitBoard board, UUID service) {
        return board.services().stream().filter(s -> s.serviceId().equals(service)).findFirst().orElseThrow();
    }

    private static DeskLine desk(UnitBoard board, UUID station) {
        return board.desks().stream().filter(d -> d.stationId().equals(station)).findFirst().orElseThrow();
    }

    private UUID createOperator(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        int body = 10_000_000 + Math.floorMod(id.hashCode(), 14_000_000);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO usuarios (id, rut, nombre, password_hash) VALUES (?, ?, ?, 'x')")) {
            insert.setObject(1, id);
            insert.setString(2, body + "-" + Rut.checkDigitOf(body));
            insert.setString(3, name);
            insert.executeUpdate();
        }
        return id;
    }

    private static final UUID CAMBIO_CLASE = UUID.fromString("30000000-0000-4000-8000-000000000004");
    private static final UUID AGUA_POTABLE = UUID.fromString("30000000-0000-4000-8000-000000000012");
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void aBookingChecksInOnceWithinItsWindowAndTheKioskSaysWhenOtherwise() throws SQLException {
        try {
            // 10:00 in Santiago (UTC-4 in July); the unit checks in from 30 min before to 15 min after
            clock.moveTo(Instant.parse("2031-07-01T14:00:00Z"));
            String rut = rutOf(31_000_001);
            UUID onTime = createBooking("CHK-ATIEMPO", CAMBIO_CLASE, rut, Instant.parse("2031-07-01T14:10:00Z"));
            createBooking("CHK-TEMPRANO", CAMBIO_CLASE, rut, Instant.parse("2031-07-01T15:00:00Z"));
            createBooking("CHK-TARDE", CAMBIO_CLASE, rut, Instant.parse("2031-07-01T13:30:00Z"));
            createBooking("CHK-MANANA", CAMBIO_CLASE, rut, Instant.parse("2031-07-02T14:00:00Z"));

            TicketDesk.IssuedTicket issued = desk.checkIn(" chk-atiempo ");
            Ticket ticket = issued.ticket();
            assertTrue(ticket.isAppointment());
            assertEquals(onTime, ticket.getAppointmentId());
            assertEquals(Instant.parse("2031-07-01T14:10:00Z"), ticket.getAppointmentAt());
            assertTrue(ticket.getNumber().startsWith("A-"), ticket.getNumber());
            assertEquals(List.of("AGENDAMIENTO|" + onTime), strings(
                    "SELECT origen || '|' || agendamiento_id FROM turnos WHERE id = ?", ticket.getId()));
            assertEquals(List.of("PRESENTADO|2031-07-01T14:00Z"), strings("""
                    SELECT estado || '|' || to_char(fecha_check_in AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')
                    FROM agendamientos WHERE id = ?""", onTime));

            QueueException twice = assertThrows(QueueException.class, () -> desk.checkIn("CHK-ATIEMPO"));
            assertEquals(Kind.CONFLICT, twice.kind());
            assertEquals("checkIn.already", twice.key());
            assertEquals(List.of("1"), strings("SELECT count(*) FROM turnos WHERE agendamiento_id = ?", onTime));

            QueueException early = assertThrows(QueueException.class, () -> desk.checkIn("CHK-TEMPRANO"));
            assertEquals(Kind.CONFLICT, early.kind());
            assertEquals("Llegó muy temprano: puede presentarse desde las 10:30.", early.messageIn(SPANISH));
            assertEquals("You are too early: you can check in from 10:30.", early.messageIn(Locale.ENGLISH));
            QueueException late = assertThrows(QueueException.class, () -> desk.checkIn("CHK-TARDE"));
            assertEquals("Su hora era a las 09:30; la tolerancia terminó a las 09:45. Puede sacar un turno presencial.",
                    late.messageIn(SPANISH));
            assertEquals("checkIn.otherDay", assertThrows(QueueException.class, () -> desk.checkIn("CHK-MANANA")).key());
            assertEquals(List.of("CONFIRMADO", "CONFIRMADO"), strings("""
                    SELECT estado FROM agendamientos WHERE codigo IN ('CHK-TEMPRANO', 'CHK-TARDE') ORDER BY codigo"""));

            for (String malformed : List.of("¿?", "12.345.678-9", "AB", "x".repeat(30), "   ")) {
                DomainException refused = assertThrows(DomainException.class, () -> desk.checkIn(malformed), malformed);
                assertEquals(Kind.INVALID, refused.kind(), malformed);
                assertFalse(refused.messageIn(SPANISH).isBlank());
            }
            assertEquals(Kind.NOT_FOUND, assertThrows(QueueException.class, () -> desk.checkIn("NOEXISTE1")).kind());
            assertEquals(Kind.NOT_FOUND, assertThrows(QueueException.class,
                    () -> desk.checkIn(rutOf(31_000_002))).kind(), "a RUT with no booking today");
        } finally {
            clock.reset();
        }
    }

    @Test
    void byRutTheEarliestBookingWhoseWindowIsOpenChecksIn() throws SQLException {
        try {
            clock.moveTo(Instant.parse("2031-07-02T14:00:00Z"));
            int body = 31_000_003;
            UUID first = createBooking("RUT-PRIMERA", CAMBIO_CLASE, rutOf(body), Instant.parse("2031-07-02T14:05:00Z"));
            createBooking("RUT-SEGUNDA", CAMBIO_CLASE, rutOf(body), Instant.parse("2031-07-02T14:40:00Z"));
            String typed = String.format(Locale.ROOT, "%,d", body).replace(',', '.') + "-" + Rut.checkDigitOf(body);

            assertEquals(first, desk.checkIn(typed).ticket().getAppointmentId());
            QueueException next = assertThrows(QueueException.class, () -> desk.checkIn(rutOf(body)));
            assertEquals("Llegó muy temprano: puede presentarse desde las 10:10.", next.messageIn(SPANISH),
                    "the second booking of the day is not open yet");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theDailyWalkInQuotaRefusesTheNextWalkInButNotAnAppointment() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement quota = connection.prepareStatement(
                        "UPDATE servicios SET cupo_diario_presencial = 2 WHERE id = ?")) {
            quota.setObject(1, AGUA_POTABLE);
            quota.executeUpdate();
        }
        configurationChanged();
        try {
            clock.moveTo(Instant.parse("2031-08-05T14:00:00Z"));
            desk.issueWalkIn(AGUA_POTABLE, null);
            desk.issueWalkIn(AGUA_POTABLE, "PERSONA_MAYOR");
            QueueException full = assertThrows(QueueException.class, () -> desk.issueWalkIn(AGUA_POTABLE, null));
            assertEquals(Kind.CONFLICT, full.kind());
            assertEquals("service.walkInQuotaReached", full.key());
            assertTrue(full.messageIn(SPANISH).contains("2"), full.messageIn(SPANISH));
            assertTrue(full.messageIn(Locale.ENGLISH).contains("walk-in"), full.messageIn(Locale.ENGLISH));

            createBooking("CUPO-AGENDA", AGUA_POTABLE, rutOf(31_000_005), Instant.parse("2031-08-05T14:15:00Z"));
            Ticket checkedIn = desk.checkIn("CUPO-AGENDA").ticket();
            assertTrue(checkedIn.getNumber().endsWith("-003"), "the refused walk-in used no number: "
                    + checkedIn.getNumber());
            assertEquals("service.walkInQuotaReached",
                    assertThrows(QueueException.class, () -> desk.issueWalkIn(AGUA_POTABLE, null)).key());

            clock.moveTo(Instant.parse("2031-08-06T14:00:00Z"));
            assertTrue(desk.issueWalkIn(AGUA_POTABLE, null).ticket().getNumber().endsWith("-001"),
                    "a new day, a new quota");
        } finally {
            clock.reset();
        }
    }

    // ------------------------------------------------------------------ races

    @Test
    void oneBookingCheckedInAtTwelveKiosksAtOnceGetsOneTicket() throws Exception {
        try {
            // 10:00 in Santiago (UTC-4 in August)
            clock.moveTo(Instant.parse("2031-08-12T14:00:00Z"));
            for (int round = 1; round <= 3; round++) {
                String code = "CARRERA-CHK" + round;
                String rut = rutOf(31_000_100 + round);
                UUID booking = createBooking(code, CAMBIO_CLASE, rut, Instant.parse("2031-08-12T14:10:00Z"));
                Map<String, Integer> outcomes = new ConcurrentHashMap<>();
                // half type the code, half the RUT, as at two kiosks of the hall
                List<Ticket> won = Race.run(IntStream.range(0, 12).mapToObj(i -> (Callable<Ticket>) () ->
                        desk.checkIn(i % 2 == 0 ? code : rut).ticket()).toList(), outcomes);

                assertEquals(Map.of("ok", 1, "checkIn.already", 11), outcomes, "round " + round);
                assertEquals(booking, won.get(0).getAppointmentId());
                assertEquals(List.of("1"), strings("SELECT count(*) FROM turnos WHERE agendamiento_id = ?", booking));
                assertEquals(List.of("PRESENTADO"), strings("SELECT estado FROM agendamientos WHERE id = ?", booking));
            }
        } finally {
            clock.reset();
        }
    }

    @Test
    void sixteenKiosksAtOnceNeverIssueMoreWalkInsThanTheDailyQuota() throws Exception {
        UUID trasladoPermiso = UUID.fromString("30000000-0000-4000-8000-000000000007");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement quota = connection.prepareStatement(
                        "UPDATE servicios SET cupo_diario_presencial = 5 WHERE id = ?")) {
            quota.setObject(1, trasladoPermiso);
            quota.executeUpdate();
        }
        configurationChanged();
        try {
            for (int round = 1; round <= 3; round++) {
                // each round a new day, so a new quota
                Instant at = Instant.parse("2031-08-18T14:00:00Z").plus(Duration.ofDays(round));
                clock.moveTo(at);
                Map<String, Integer> outcomes = new ConcurrentHashMap<>();
                Race.run(IntStream.range(0, 16).mapToObj(i -> (Callable<Ticket>) () ->
                        desk.issueWalkIn(trasladoPermiso, i % 4 == 0 ? "PERSONA_MAYOR" : null).ticket()).toList(), outcomes);

                assertEquals(Map.of("ok", 5, "service.walkInQuotaReached", 11), outcomes, "round " + round);
                assertEquals(List.of("1", "2", "3", "4", "5"), strings("""
                        SELECT numero FROM turnos WHERE servicio_id = ? AND fecha = ? AND origen = 'PRESENCIAL'
                        ORDER BY numero""", trasladoPermiso, java.sql.Date.valueOf(QueueClock.dayOf(at))),
                        "five walk-ins, numbered without gaps");
            }
        } finally {
            clock.reset();
        }
    }

    private UUID callAndFinish(UUID station) {
        Ticket called = desk.callNext(station).orElseThrow();
        desk.start(called.getId());
        desk.finish(called.getId(), null);
        return called.getId();
    }

    private static String rutOf(int body) {
        return body + "-" + Rut.checkDigitOf(body);
    }

    private UUID createBooking(String code, UUID service, String rut, Instant start) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO agendamientos (id, codigo, unidad_id, servicio_id, rut_ciudadano, nombre_ciudadano,
                                                   email_ciudadano, fecha_hora_inicio, fecha_hora_fin)
                        SELECT ?, ?, unidad_id, id, ?, 'Vecina de Prueba', 'vecina@example.cl', ?, ?
                        FROM servicios WHERE id = ?""")) {
            insert.setObject(1, id);
            insert.setString(2, code);
            insert.setString(3, rut);
            insert.setTimestamp(4, Timestamp.from(start));
            insert.setTimestamp(5, Timestamp.from(start.plusSeconds(1800)));
            insert.setObject(6, service);
            assertEquals(1, insert.executeUpdate());
        }
        return id;
    }

    @Test
    void aKilledSubscriptionComesBackAndTheOtherInstancesReachTheScreensAgain() throws Exception {
        waitFor(bridge::listening, "the subscriber listens");
        long before = bridge.subscriptions();
        UUID unit = UUID.randomUUID();
        List<String> received = new CopyOnWriteArrayList<>();
        DisplayChannels.Sink screen = received::add;
        displays.register(unit, screen);
        try (Jedis admin = redis.dedicatedConnection("queue-it", Duration.ofSeconds(5)).orElseThrow()) {
            String first = otherInstancesMessage(unit, "A-001");
            admin.publish(LiveBridge.CHANNEL, first);
            waitFor(() -> received.contains(first), "a message of another instance reaches the screen");

            // Redis drops the subscriber's connection, as in a restart; only this instance's subscriber
            String subscriber = admin.clientList().lines().filter(l -> l.contains(" name=" + LiveBridge.CLIENT_NAME + " "))
                    .findFirst().orElseThrow();
            String id = subscriber.substring(subscriber.indexOf("id=") + 3, subscriber.indexOf(' '));
            admin.sendCommand(Protocol.Command.CLIENT, "KILL", "ID", id);
            waitFor(() -> bridge.subscriptions() > before && bridge.listening(), "the subscriber subscribes again");

            String second = otherInstancesMessage(unit, "A-002");
            admin.publish(LiveBridge.CHANNEL, second);
            waitFor(() -> received.contains(second), "messages flow again after the reconnection");
        } finally {
            displays.unregister(unit, screen);
        }
    }

    private static String otherInstancesMessage(UUID unit, String number) {
        return new LiveMessage(unit, "called", number, number.replace('-', ' '), null, null, null, "Módulo 9", 9,
                Instant.now()).toJson("otra-instancia");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aScreenReadingTheSnapshotOnAnEventSeesTheEventsTicketCounted() throws Exception {
        UUID obras = UUID.fromString("20000000-0000-4000-8000-000000000005");
        UUID informacionesPrevias = UUID.fromString("30000000-0000-4000-8000-000000000016");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        // as display.js does: on each message, read the snapshot again
        DisplayChannels.Sink screen = json -> {
            if (json.contains("\"kind\":\"issued\"") && json.contains(informacionesPrevias.toString())) {
                seen.add(lobby.snapshot(obras).services().stream()
                        .filter(s -> s.serviceId().equals(informacionesPrevias)).findFirst().orElseThrow().waiting());
            }
        };
        displays.register(obras, screen);
        try {
            for (int i = 1; i <= 3; i++) {
                desk.issueWalkIn(informacionesPrevias, null);
                int issuedSoFar = i;
                // one at a time, so each read answers for its own event and not for a later one
                waitFor(() -> seen.size() == issuedSoFar, "the issued message");
            }
            assertEquals(List.of(1, 2, 3), seen, "the message leaves after the commit, never before");
        } finally {
            displays.unregister(obras, screen);
        }
    }

    @Test
    void anotherInstancesChangeReachesTheHeldSnapshotBeforeItsScreensReadIt() throws Exception {
        waitFor(bridge::listening, "the subscriber listens");
        UUID obras = UUID.fromString("20000000-0000-4000-8000-000000000005");
        UUID informacionesPrevias = UUID.fromString("30000000-0000-4000-8000-000000000016");
        Ticket issued = desk.issueWalkIn(informacionesPrevias, null).ticket();
        int before = waitingIn(obras, informacionesPrevias); // read now, and held for the unit's screens
        // another instance issues a ticket: its row commits there and its message comes through Redis
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO turnos (unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo, hora_emision,
                                    hora_ingreso_cola)
                SELECT unidad_id, servicio_id, servicio_atencion_id, fecha, numero + 50000, prefijo, hora_emision,
                       hora_ingreso_cola FROM turnos WHERE id = ?""")) {
            insert.setObject(1, issued.getId());
            assertEquals(1, insert.executeUpdate());
        }
        List<Integer> seen = new CopyOnWriteArrayList<>();
        // as display.js does: on each message, read the snapshot again
        DisplayChannels.Sink screen = json -> seen.add(waitingIn(obras, informacionesPrevias));
        displays.register(obras, screen);
        try (Jedis admin = redis.dedicatedConnection("queue-it", Duration.ofSeconds(5)).orElseThrow()) {
            admin.publish(LiveBridge.CHANNEL, new LiveMessage(obras, "issued", "IP-999", "IP 999", informacionesPrevias,
                    null, null, null, null, Instant.now()).toJson("otra-instancia"));
            waitFor(() -> !seen.isEmpty(), "the other instance's message");
            assertEquals(before + 1, seen.get(0), "the held snapshot was dropped before the screen read it");
        } finally {
            displays.unregister(obras, screen);
        }
    }

    private int waitingIn(UUID unit, UUID service) {
        return lobby.snapshot(unit).services().stream().filter(s -> s.serviceId().equals(service)).findFirst()
                .orElseThrow().waiting();
    }

    private UUID createStation(UUID unit, String name, int number, UUID service) throws SQLException {
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
            try (PreparedStatement attends = connection.prepareStatement(
                    "INSERT INTO estacion_servicios (estacion_id, servicio_id) VALUES (?, ?)")) {
                attends.setObject(1, id);
                attends.setObject(2, service);
                attends.executeUpdate();
            }
        }
        configurationChanged();
        return id;
    }

    // the test writes the configuration's tables itself; the config domain announces its changes like this
    private void configurationChanged() {
        invalidations.announce(ConfigurationReadModel.TOPIC, null);
    }

    private List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof Instant instant ? Timestamp.from(instant) : parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    @Test
    void theVirtualTicketIsFoundByItsPublicTokenAndFollowsTheTicket() throws SQLException {
        // a service no other test issues for, so the queue holds only these two
        UUID station = createStation(RSH, "Módulo virtual", 301, RECTIFICACION_RSH);
        Ticket first = desk.issueWalkIn(RECTIFICACION_RSH, null).ticket();
        Ticket second = desk.issueWalkIn(RECTIFICACION_RSH, null).ticket();
        String token = PublicToken.of(second.getPublicToken());

        VirtualTicket waiting = virtualTickets.find(token).orElseThrow();
        assertEquals(second.getNumber(), waiting.number());
        assertEquals(TicketState.WAITING, waiting.state());
        assertEquals(1, waiting.peopleAhead(), "the first ticket is ahead");

        Ticket called = desk.callNext(station).orElseThrow();
        assertEquals(first.getId(), called.getId());
        desk.noShow(called.getId());
        desk.callNext(station).orElseThrow();
        VirtualTicket calledNow = virtualTickets.find(token).orElseThrow();
        assertEquals(TicketState.CALLED, calledNow.state());
        assertEquals(301, calledNow.stationNumber());
        assertEquals(0, calledNow.peopleAhead());

        assertFalse(virtualTickets.find(PublicToken.of(UUID.randomUUID())).isPresent());
        assertFalse(virtualTickets.find("not-a-token").isPresent());
        assertFalse(virtualTickets.find(second.getId().toString()).isPresent());
    }

    @Test
    void aCallReachesTheUnitsScreensExactlyOnce() throws Exception {
        UUID obras = UUID.fromString("20000000-0000-4000-8000-000000000005");
        UUID certificadoNumero = UUID.fromString("30000000-0000-4000-8000-000000000015");
        UUID station = createStation(obras, "Módulo pantalla", 401, certificadoNumero);
        waitFor(bridge::listening, "the subscriber listens, so an echo of this instance's own call could come back");
        List<String> received = new CopyOnWriteArrayList<>();
        DisplayChannels.Sink screen = received::add;
        displays.register(obras, screen);
        try (Jedis admin = redis.dedicatedConnection("queue-it", Duration.ofSeconds(5)).orElseThrow()) {
            Ticket issued = desk.issueWalkIn(certificadoNumero, null).ticket();
            Ticket called = desk.callNext(station).orElseThrow();
            assertEquals(issued.getId(), called.getId());
            String expected = "\"kind\":\"called\",\"number\":\"" + called.getNumber() + "\"";
            waitFor(() -> received.stream().anyMatch(m -> m.contains(expected)), "the call reaches the screen");

            // no quiet window: markers sent after the call on each path it could come again by. This instance
            // sends its events one at a time, in order (delivered here, then published), so once the recall
            // arrived the call was published; Redis hands its subscriber the messages in the order published,
            // so once another instance's message published after that arrived, an echo of the call would have
            String recalled = "\"kind\":\"recalled\",\"number\":\"" + called.getNumber() + "\"";
            desk.recall(called.getId());
            waitFor(() -> received.stream().anyMatch(m -> m.contains(recalled)), "the recall, sent after the call");
            String marker = otherInstancesMessage(obras, "Z-999");
            admin.publish(LiveBridge.CHANNEL, marker);
            waitFor(() -> received.contains(marker), "another instance's message, published after the call");

            List<String> calls = received.stream().filter(m -> m.contains(expected)).toList();
            assertEquals(1, calls.size(), () -> "mensajes recibidos: " + received);
            assertTrue(calls.get(0).contains("\"spokenNumber\":\"" + called.getSpokenNumber() + "\""));
            assertTrue(calls.get(0).contains("\"stationNumber\":401"));
        } finally {
            displays.unregister(obras, screen);
        }
    }
}
