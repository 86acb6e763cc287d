package cl.ventanilla.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.appointments.boundary.AppointmentDesk;
import cl.ventanilla.appointments.boundary.Availability;
import cl.ventanilla.appointments.boundary.BookableDay;
import cl.ventanilla.appointments.boundary.BookableService;
import cl.ventanilla.appointments.boundary.BookingChallenges;
import cl.ventanilla.appointments.boundary.BookingRequest;
import cl.ventanilla.appointments.boundary.BookingView;
import cl.ventanilla.appointments.boundary.Bookings;
import cl.ventanilla.appointments.boundary.Challenge;
import cl.ventanilla.appointments.boundary.DayState;
import cl.ventanilla.appointments.boundary.Reminders;
import cl.ventanilla.appointments.boundary.Slot;
import cl.ventanilla.appointments.control.AbuseLedger;
import cl.ventanilla.appointments.control.AppointmentClock;
import cl.ventanilla.appointments.control.AppointmentSettings;
import cl.ventanilla.appointments.control.AvailabilityCache;
import cl.ventanilla.appointments.control.DayPlan;
import cl.ventanilla.appointments.control.SlotPlanner;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.appointments.entity.ProofOfWork;
import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.kernel.DomainException.Kind;
import cl.ventanilla.kernel.InvalidRutException;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.cache.Invalidations;
import cl.ventanilla.kernel.redis.Redis;
import cl.ventanilla.kernel.testing.ModuleDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The appointments in Payara Micro against the real PostgreSQL (schema from the migrations, the demo
 * municipality from the demo data) and Redis. Each test creates its own unit, services and stations, so
 * that capacities are known and tests do not depend on each other's order or data.
 */
@ExtendWith(ArquillianExtension.class)
class AppointmentsIT {

    private static final Logger LOG = Logger.getLogger(AppointmentsIT.class.getName());

    private static final UUID TRANSITO = UUID.fromString("10000000-0000-4000-8000-000000000001");
    private static final UUID RENOVACION_LICENCIA = UUID.fromString("30000000-0000-4000-8000-000000000002");
    private static final UUID AYUDA_SOCIAL = UUID.fromString("30000000-0000-4000-8000-000000000013");

    @Deployment
    static WebArchive deployment() {
        return archive("appointments-it.war");
    }

    /** The module with the config domain's read model, through which appointments read a service. */
    static WebArchive archive(String name) {
        return ModuleDeployment.of(name, "cl.ventanilla.appointments")
                .addClass(ConfigurationReadModel.class)
                // with the units' calendars it holds
                .addPackages(false, "cl.ventanilla.config.control", "cl.ventanilla.config.entity");
    }

    @Inject
    Invalidations invalidations;

    @Inject
    Availability availability;

    @Inject
    Bookings bookings;

    @Inject
    BookingChallenges challenges;

    @Inject
    AppointmentDesk desk;

    @Inject
    Reminders reminders;

    @Inject
    AbuseLedger ledger;

    @Inject
    SlotPlanner planner;

    @Inject
    AppointmentSettings settings;

    @Inject
    AvailabilityCache cache;

    @Inject
    Redis redis;

    @Inject
    MovableClock clock;

    @Inject
    RecordedEvents events;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    // ------------------------------------------------------------------ races

    @Test
    void fiftyCitizensBookingTheLastTwoPlacesAtOnceGetExactlyTwoBookings() throws Exception {
        // four stations attend the service, one is deactivated and one is kept for walk-ins: two places a slot
        Fixture f = fixture(30, 4, 1, 1);
        Instant start = at(workingDay(3), 10, 0);
        assertEquals(2, slotAt(f.service, start).capacity());
        int citizens = 50;
        List<BookingRequest> requests = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            requests.add(request(f.service, start, TestRuts.next(), "10.1." + (i / 200) + "." + (i % 200)));
        }
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<BookingView> booked = race(requests.stream().map(r -> (Callable<BookingView>) () -> bookings.book(r))
                .toList(), outcomes, "reservas por un bloque de capacidad 2");

        assertEquals(2, booked.size(), "exactly the two places were given: " + outcomes);
        assertEquals(Map.of("ok", 2, "slot.taken", citizens - 2), outcomes);
        assertEquals(List.of("2"), strings("""
                SELECT count(*) FROM agendamientos WHERE servicio_id = ? AND fecha_hora_inicio = ? AND estado = 'CONFIRMADO'""",
                f.service, Timestamp.from(start)));
        assertTrue(availability.slots(f.service, AppointmentClock.dayOf(start)).stream()
                .noneMatch(s -> s.start().equals(start)), "the full slot is no longer offered");
        booked.forEach(b -> assertEquals(1, events.bookingsOf(b.id()).size()));
    }

    @Test
    void fiftyCitizensMovingIntoTheSameTwoPlacesAtOnceLeaveTheLosersUntouched() throws Exception {
        Fixture f = fixture(10, 2, 0, 0);
        LocalDate day = workingDay(4);
        int citizens = 50;
        List<BookingView> original = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            Instant start = at(day, 8, 0).plusSeconds(600L * (i / 2));
            original.add(bookings.book(request(f.service, start, TestRuts.next(), "10.2.0." + i)));
        }
        Instant target = at(day, 15, 0);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<BookingView> moved = race(IntStream.range(0, citizens).mapToObj(i -> (Callable<BookingView>) () ->
                bookings.reschedule(original.get(i).code(), original.get(i).rut(), target, "10.2.1." + i)).toList(),
                outcomes, "cambios de hora a un bloque de capacidad 2");

        assertEquals(Map.of("ok", 2, "slot.taken", citizens - 2), outcomes);
        assertEquals(2, moved.size());
        for (BookingView b : moved) {
            assertEquals(target, b.start());
            assertEquals("CONFIRMADO", b.state());
        }
        List<String> movedFrom = strings("""
                SELECT p.codigo FROM agendamientos n JOIN agendamientos p ON p.id = n.reprogramado_desde_id
                WHERE n.servicio_id = ? AND n.fecha_hora_inicio = ? AND n.cantidad_reprogramaciones = 1
                AND p.estado = 'REPROGRAMADO' ORDER BY 1""", f.service, Timestamp.from(target));
        assertEquals(2, movedFrom.size());
        for (BookingView b : original) {
            BookingView now = bookings.find(b.code(), b.rut());
            if (movedFrom.contains(b.code())) {
                assertEquals("REPROGRAMADO", now.state());
            } else {
                assertEquals("CONFIRMADO", now.state(), "a loser keeps its booking");
                assertEquals(b.start(), now.start());
            }
        }
        assertEquals(List.of(String.valueOf(citizens)), strings(
                "SELECT count(*) FROM agendamientos WHERE servicio_id = ? AND estado = 'CONFIRMADO'", f.service));
    }

    @Test
    void oneRutBookingTwelveTimesAtOnceNeverPassesItsCaps() throws Exception {
        Fixture f = fixture(30, 2, 0, 0);
        List<UUID> services = new ArrayList<>(List.of(f.service));
        for (String prefix : List.of("B", "C", "D", "E", "F")) {
            services.add(addService(f, prefix));
        }
        for (int round = 0; round < 3; round++) {
            LocalDate day = workingDay(6 + round);
            String rut = TestRuts.next();
            String normalized = Rut.of(rut).normalized();
            int r = round;
            // two requests for each of six services, at two different times: only the caps can refuse them
            List<BookingRequest> requests = IntStream.range(0, 12).mapToObj(i -> request(services.get(i % 6),
                    at(day, 9, 0).plusSeconds(1800L * (i / 6)), rut, "10.9." + r + "." + i)).toList();
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            race(requests.stream().map(q -> (Callable<BookingView>) () -> bookings.book(q)).toList(), outcomes,
                    "reservas de un mismo RUT");

            assertEquals(3, outcomes.getOrDefault("ok", 0), "at most 3 active bookings per RUT: " + outcomes);
            assertEquals(12, outcomes.getOrDefault("ok", 0) + outcomes.getOrDefault("cap.service", 0)
                    + outcomes.getOrDefault("cap.total", 0), "every other one refused by a cap: " + outcomes);
            assertEquals(List.of("3"), strings(
                    "SELECT count(*) FROM agendamientos WHERE rut_ciudadano = ? AND estado = 'CONFIRMADO'", normalized));
            assertEquals(List.of("0"), strings("""
                    SELECT count(*) FROM (SELECT servicio_id FROM agendamientos WHERE rut_ciudadano = ? AND estado = 'CONFIRMADO'
                                          GROUP BY servicio_id HAVING count(*) > 1) twice""", normalized),
                    "at most 1 active booking per RUT and service");
        }
    }

    // ------------------------------------------------------------------ rules

    @Test
    void capsLimitActiveBookingsPerServiceAndOverall() {
        Fixture f = fixture(20, 1, 0, 0);
        List<UUID> others = List.of(addService(f, "B"), addService(f, "C"), addService(f, "D"));
        LocalDate day = workingDay(5);
        String rut = TestRuts.next();
        BookingView first = bookings.book(request(f.service, at(day, 9, 0), rut, "10.3.0.1"));
        AppointmentException perService = assertThrows(AppointmentException.class,
                () -> bookings.book(request(f.service, at(day, 10, 0), rut, "10.3.0.1")));
        assertEquals("cap.service", perService.key());
        assertEquals(Kind.CONFLICT, perService.kind());
        bookings.book(request(others.get(0), at(day, 9, 0), rut, "10.3.0.1"));
        bookings.book(request(others.get(1), at(day, 9, 0), rut, "10.3.0.1"));
        AppointmentException overall = assertThrows(AppointmentException.class,
                () -> bookings.book(request(others.get(2), at(day, 9, 0), rut, "10.3.0.1")));
        assertEquals("cap.total", overall.key());
        assertTrue(overall.messageIn(Locale.forLanguageTag("es-CL")).contains("3 reservas vigentes"));

        bookings.cancel(first.code(), rut);
        assertEquals("CONFIRMADO", bookings.book(request(others.get(2), at(day, 9, 0), rut, "10.3.0.1")).state(),
                "a cancelled booking no longer counts");
    }

    @Test
    void theThirdNoShowBlocksTheCitizenUntilADateTheyAreTold() {
        Fixture f = fixture(20, 1, 0, 0);
        String rut = TestRuts.next();
        List<LocalDate> days = workingDays(2, 4);
        for (int i = 0; i < 3; i++) {
            LocalDate d = days.get(i);
            Instant start = at(d, 9, 0);
            clock.moveTo(at(d, 7, 0).minusSeconds(86400));
            BookingView b = bookings.book(request(f.service, start, rut, "10.4.0." + i));
            AppointmentException early = assertThrows(AppointmentException.class, () -> desk.markNoShow(b.id(), null));
            assertEquals("noShow.tooEarly", early.key());
            clock.moveTo(start.plusSeconds(900));
            assertEquals("NO_SE_PRESENTO", desk.markNoShow(b.id(), null).state());
            AppointmentException twice = assertThrows(AppointmentException.class, () -> desk.markNoShow(b.id(), null));
            assertEquals(Kind.CONFLICT, twice.kind());
            assertEquals(List.of(i < 2 ? "0" : "1"), strings(
                    "SELECT count(*) FROM bloqueos_ciudadanos WHERE rut_ciudadano = ?",
                    cl.ventanilla.kernel.Rut.of(rut).normalized()), "blocked at the third no-show, not before");
        }
        Instant blockedAt = clock.now();
        String until = DayPlan.CHILEAN_DATE.format(AppointmentClock.dayOf(blockedAt.plusSeconds(30L * 86400)));
        Instant later = at(days.get(3), 9, 0);
        AppointmentException blocked = assertThrows(AppointmentException.class,
                () -> bookings.book(request(f.service, later, rut, "10.4.1.1")));
        assertEquals("citizen.blocked", blocked.key());
        assertEquals(Kind.FORBIDDEN, blocked.kind());
        assertTrue(blocked.messageIn(Locale.forLanguageTag("es-CL")).contains("hasta el " + until),
                blocked.messageIn(Locale.forLanguageTag("es-CL")));
        assertTrue(blocked.messageIn(Locale.ENGLISH).contains("until " + until));
        // another citizen is not affected
        assertEquals("CONFIRMADO", bookings.book(request(f.service, later, TestRuts.next(), "10.4.1.2")).state());
    }

    @Test
    void anIpGetsTwentyAttemptsAnHourCountedInRedis() {
        Fixture f = fixture(20, 1, 0, 0);
        Instant start = at(workingDay(3), 9, 0);
        String ip = "10.5.0." + (System.nanoTime() % 200);
        for (int i = 0; i < 20; i++) {
            BookingRequest unsolved = new BookingRequest(f.service, start, TestRuts.next(), "Intento " + i,
                    "intento@example.cl", null, "es", ip, null, null);
            AppointmentException missing = assertThrows(AppointmentException.class, () -> bookings.book(unsolved));
            assertEquals("challenge.missing", missing.key());
        }
        AppointmentException tooMany = assertThrows(AppointmentException.class,
                () -> bookings.book(request(f.service, start, TestRuts.next(), ip)));
        assertEquals("attempts.tooMany", tooMany.key());
        assertEquals(Kind.TOO_MANY_REQUESTS, tooMany.kind());
        assertTrue(tooMany.messageIn(Locale.forLanguageTag("es-CL")).matches(".*en \\d+ minutos.*"));
        // a reschedule counts too
        assertEquals("attempts.tooMany", assertThrows(AppointmentException.class,
                () -> bookings.reschedule("ABCDEFGH", TestRuts.next(), start, ip)).key());
        assertEquals("CONFIRMADO", bookings.book(request(f.service, start, TestRuts.next(), ip + "1")).state(),
                "another address is not limited");
        // Redis answers here, so it counted them: the database's fallback counter (AttemptLimiterOutageIT) stayed untouched
        assertEquals(List.of(), strings("SELECT intentos FROM intentos_agendamiento_ip WHERE ip = ?", ip));
        assertTrue(redis.call(j -> j.keys(cache.namespaced("intentos:" + ip + ":*"))).orElseThrow().size() >= 1,
                "the attempts are counted in Redis");

        Instant hour = Instant.parse("2026-01-01T10:00:00Z");
        String fallbackIp = "10.5.9." + (System.nanoTime() % 200);
        assertEquals(1, ledger.countAttempt(fallbackIp, hour));
        assertEquals(2, ledger.countAttempt(fallbackIp, hour));
        assertEquals(1, ledger.countAttempt(fallbackIp, hour.plusSeconds(3600)), "a new hour starts from zero");
    }

    @Test
    void aChallengeBooksOnceAndOnlyWhenItIsGenuineAndSolved() {
        Fixture f = fixture(20, 3, 0, 0);
        Instant start = at(workingDay(3), 11, 0);
        Challenge challenge = challenges.issue();
        assertTrue(challenge.difficulty() >= 16, "default difficulty");
        String nonce = ProofOfWork.solve(challenge.token(), challenge.difficulty());
        bookings.book(new BookingRequest(f.service, start, TestRuts.next(), "Ana Pérez", "ana@example.cl", null, "es",
                "10.6.0.1", challenge.token(), nonce));
        AppointmentException reused = assertThrows(AppointmentException.class,
                () -> bookings.book(new BookingRequest(f.service, start, TestRuts.next(), "Otra Persona",
                        "otra@example.cl", null, "es", "10.6.0.2", challenge.token(), nonce)));
        assertEquals("challenge.reused", reused.key());

        Challenge fresh = challenges.issue();
        String[] parts = fresh.token().split("\\.");
        String forged = String.join(".", parts[0], parts[1], parts[2], "1", parts[4]);
        AppointmentException invalid = assertThrows(AppointmentException.class,
                () -> bookings.book(new BookingRequest(f.service, start, TestRuts.next(), "Otra Persona",
                        "otra@example.cl", null, "es", "10.6.0.3", forged, ProofOfWork.solve(forged, 1))));
        assertEquals("challenge.invalid", invalid.key(), "lowering the difficulty breaks the signature");
        String wrongNonce = String.valueOf(Long.parseLong(ProofOfWork.solve(fresh.token(), fresh.difficulty())) + 1);
        if (!ProofOfWork.solves(fresh.token(), wrongNonce, fresh.difficulty())) {
            AppointmentException unsolved = assertThrows(AppointmentException.class,
                    () -> bookings.book(new BookingRequest(f.service, start, TestRuts.next(), "Otra Persona",
                            "otra@example.cl", null, "es", "10.6.0.4", fresh.token(), wrongNonce)));
            assertEquals("challenge.unsolved", unsolved.key());
        }
        clock.moveTo(Instant.now().plusSeconds(11 * 60));
        AppointmentException expired = assertThrows(AppointmentException.class,
                () -> bookings.book(new BookingRequest(f.service, start, TestRuts.next(), "Otra Persona",
                        "otra@example.cl", null, "es", "10.6.0.5", fresh.token(),
                        ProofOfWork.solve(fresh.token(), fresh.difficulty()))));
        assertEquals("challenge.expired", expired.key());
    }

    @Test
    void aBookingIsFoundCancelledAndMovedOnlyWithItsCodeAndRutAndWhileItHasNotStarted() {
        Fixture f = fixture(30, 2, 0, 0);
        LocalDate day = workingDay(3);
        String rut = TestRuts.next();
        BookingView booking = bookings.book(request(f.service, at(day, 9, 0), rut, "10.7.0.1"));
        assertTrue(booking.code().matches("[2-9A-HJ-NP-Z]{8}"), booking.code());
        assertEquals(rut, booking.rut());
        assertTrue(booking.changeable());
        assertEquals("America/Santiago", booking.zone());

        AppointmentException wrongRut = assertThrows(AppointmentException.class,
                () -> bookings.find(booking.code(), TestRuts.next()));
        AppointmentException wrongCode = assertThrows(AppointmentException.class,
                () -> bookings.find("ZZZZ2222", rut));
        assertEquals("booking.notFound", wrongRut.key());
        assertEquals(Kind.NOT_FOUND, wrongRut.kind());
        assertEquals(wrongRut.messageIn(null), wrongCode.messageIn(null), "nothing tells which one was wrong");
        assertEquals(booking.id(), bookings.find(booking.code().toLowerCase(Locale.ROOT), rut.replace(".", "")).id());

        AppointmentException same = assertThrows(AppointmentException.class,
                () -> bookings.reschedule(booking.code(), rut, at(day, 9, 0), "10.7.0.1"));
        assertEquals("reschedule.sameSlot", same.key());
        AppointmentException offGrid = assertThrows(AppointmentException.class,
                () -> bookings.reschedule(booking.code(), rut, at(day, 9, 10), "10.7.0.1"));
        assertEquals("slot.notOffered", offGrid.key());
        BookingView moved = bookings.reschedule(booking.code(), rut, at(day, 10, 0), "10.7.0.1");
        assertNotEquals(booking.code(), moved.code());
        assertEquals("REPROGRAMADO", bookings.find(booking.code(), rut).state());
        assertEquals(1, events.movesOf(booking.id()).size());
        assertEquals(moved.id(), events.movesOf(booking.id()).get(0).current().id());
        assertEquals(Kind.CONFLICT, assertThrows(AppointmentException.class,
                () -> bookings.cancel(booking.code(), rut)).kind(), "the old booking is history");

        clock.moveTo(at(day, 10, 5));
        AppointmentException started = assertThrows(AppointmentException.class, () -> bookings.cancel(moved.code(), rut));
        assertEquals("booking.started", started.key());
        assertFalse(bookings.find(moved.code(), rut).changeable());
        clock.reset();

        BookingView cancelled = bookings.cancel(moved.code(), rut);
        assertEquals("CANCELADO", cancelled.state());
        assertEquals(CancelledBy.CITIZEN, events.cancellationsOf(moved.id()).get(0).by());
        AppointmentException again = assertThrows(AppointmentException.class, () -> bookings.cancel(moved.code(), rut));
        assertEquals("booking.notChangeable.cancel", again.key());
        assertEquals("booking.notChangeable.reschedule", assertThrows(AppointmentException.class,
                () -> bookings.reschedule(moved.code(), rut, at(day, 11, 0), "10.7.0.1")).key());
    }

    @Test
    void malformedInputIsRefusedWithAMessageNotAFailure() {
        Fixture f = fixture(30, 2, 0, 0);
        Instant start = at(workingDay(3), 9, 0);
        DomainException badRut = assertThrows(InvalidRutException.class,
                () -> bookings.book(request(f.service, start, "12.345.678-9", "10.8.0.1")));
        assertEquals(Kind.INVALID, badRut.kind());
        assertEquals("rut.checkDigit", badRut.key());
        assertThrows(InvalidRutException.class, () -> bookings.find("ABCDEFGH", "no-es-rut"));
        LocalDate day = workingDay(3);
        clock.moveTo(at(day, 8, 50));
        AppointmentException past = assertThrows(AppointmentException.class,
                () -> bookings.book(request(f.service, at(day, 8, 0), TestRuts.next(), "10.8.0.1")));
        assertEquals("slot.past", past.key());
        AppointmentException tooSoon = assertThrows(AppointmentException.class,
                () -> bookings.book(request(f.service, at(day, 9, 30), TestRuts.next(), "10.8.0.1")));
        assertEquals("slot.tooSoon", tooSoon.key());
        AppointmentException beyond = assertThrows(AppointmentException.class,
                () -> bookings.book(request(f.service, at(day.plusDays(31), 9, 0), TestRuts.next(), "10.8.0.1")));
        assertEquals("slot.beyondHorizon", beyond.key());
        clock.reset();
        AppointmentException unknown = assertThrows(AppointmentException.class,
                () -> bookings.book(request(UUID.randomUUID(), start, TestRuts.next(), "10.8.0.1")));
        assertEquals("service.notFound", unknown.key());
        assertEquals(Kind.NOT_FOUND, unknown.kind());
        AppointmentException notBookable = assertThrows(AppointmentException.class,
                () -> availability.slots(AYUDA_SOCIAL, start.atZone(AppointmentClock.ZONE).toLocalDate()));
        assertEquals("service.notBookable", notBookable.key());
        ConstraintViolationException email = assertThrows(ConstraintViolationException.class,
                () -> bookings.book(new BookingRequest(f.service, start, TestRuts.next(), "Ana", "no-es-correo", null,
                        "es", "10.8.0.1", "x", "1")));
        assertEquals(1, email.getConstraintViolations().size());
        assertThrows(ConstraintViolationException.class,
                () -> bookings.book(new BookingRequest(f.service, start, TestRuts.next(), "Ana", "ana@example.cl", null,
                        "fr", "10.8.0.1", "x", "1")));
        assertThrows(ConstraintViolationException.class, () -> bookings.book(null));
        assertEquals("range.tooLong", assertThrows(AppointmentException.class,
                () -> availability.days(f.service, LocalDate.now(), LocalDate.now().plusDays(62))).key());
    }

    // ------------------------------------------------------------------ staff

    @Test
    void anUnexpectedClosureCancelsTheDaysBookingsAndTellsEachCitizenWhy() {
        Fixture f = fixture(30, 2, 0, 0);
        UUID second = addService(f, "B");
        LocalDate day = workingDay(6);
        BookingView a = bookings.book(request(f.service, at(day, 11, 0), TestRuts.next(), "10.9.0.1"));
        BookingView b = bookings.book(request(second, at(day, 9, 0), TestRuts.next(), "10.9.0.1"));
        BookingView cancelledBefore = bookings.book(request(second, at(day, 10, 0), TestRuts.next(), "10.9.0.1"));
        bookings.cancel(cancelledBefore.code(), cancelledBefore.rut());
        BookingView nextDay = bookings.book(request(f.service, at(day.plusDays(1), 9, 0), TestRuts.next(), "10.9.0.1"));

        List<BookingView> list = desk.day(f.unit, null, day);
        assertEquals(List.of(b.id(), cancelledBefore.id(), a.id()), list.stream().map(BookingView::id).toList(),
                "by start, all services");
        assertEquals(List.of(a.id()), desk.day(f.unit, f.service, day).stream().map(BookingView::id).toList());
        assertEquals(DayState.AVAILABLE, dayState(f.service, day));

        assertEquals(2, desk.cancelRange(f.unit, day, day, "Corte de agua en el edificio", null));
        for (BookingView v : List.of(a, b)) {
            assertEquals("CANCELADO", bookings.find(v.code(), v.rut()).state());
            AppointmentCancelled notice = events.cancellationsOf(v.id()).get(0);
            assertEquals(CancelledBy.CLOSURE, notice.by());
            assertEquals("Corte de agua en el edificio", notice.reason());
        }
        assertEquals(List.of("CIERRE"), strings("SELECT DISTINCT cancelado_por FROM agendamientos WHERE id IN (?, ?)",
                a.id(), b.id()));
        assertEquals("CONFIRMADO", bookings.find(nextDay.code(), nextDay.rut()).state(), "outside the range");
        assertEquals(DayState.CLOSED, dayState(f.service, day), "no slots offered on the closed day");
        assertEquals(DayState.CLOSED, dayState(second, day));
        assertEquals(0, desk.cancelRange(f.unit, day, day, "Otra vez", null));
    }

    @Test
    void eachDueReminderIsAnnouncedOnceThoughFourInstancesScanAtTheSameMoment() throws Exception {
        Fixture f = fixture(20, 3, 0, 0);
        LocalDate day = workingDay(3);
        List<BookingView> due = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            due.add(bookings.book(request(f.service, at(day, 8, 0).plusSeconds(1200L * (i / 3)), TestRuts.next(),
                    "10.10.0." + i)));
        }
        BookingView cancelled = bookings.book(request(f.service, at(day, 11, 0), TestRuts.next(), "10.10.1.1"));
        bookings.cancel(cancelled.code(), cancelled.rut());
        BookingView later = bookings.book(request(f.service, at(day, 15, 0), TestRuts.next(), "10.10.1.2"));

        clock.moveTo(at(day.minusDays(1), 12, 0)); // 24 hours ahead reaches 12:00 of the day
        // booked 22 hours ahead, inside its own window: the confirmation is its reminder
        BookingView lastMinute = bookings.book(request(f.service, at(day, 10, 0), TestRuts.next(), "10.10.1.3"));
        ExecutorService instances = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> taken;
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(instances.submit(() -> {
                    go.await();
                    return reminders.sendDue();
                }));
            }
            go.countDown();
            taken = new ArrayList<>();
            for (Future<Integer> call : calls) {
                taken.add(call.get(2, TimeUnit.MINUTES));
            }
        } finally {
            instances.shutdown();
        }
        LOG.info("Recordatorios: 4 llamadas simultáneas a sendDue() tomaron " + taken + " reservas");
        for (BookingView b : due) {
            assertEquals(1, events.remindersOf(b.id()).size(), "one reminder for " + b.code());
        }
        assertEquals(0, events.remindersOf(cancelled.id()).size(), "none for a cancelled booking");
        assertEquals(0, events.remindersOf(later.id()).size(), "none before its window");
        assertEquals(0, events.remindersOf(lastMinute.id()).size(), "none for a booking made inside its window");
        assertEquals(List.of("12"), strings("""
                SELECT count(*) FROM agendamientos WHERE servicio_id = ? AND recordatorio_enviado_en IS NOT NULL""",
                f.service));
        reminders.sendDue();
        for (BookingView b : due) {
            assertEquals(1, events.remindersOf(b.id()).size(), "a second scan sends nothing again");
        }
    }

    // ------------------------------------------------------------------ availability

    @Test
    void availabilityIsTheSameFromRedisAndFromTheDatabaseAndFollowsEveryChange() throws Exception {
        Fixture f = fixture(30, 2, 0, 0);
        LocalDate day = workingDay(3);
        clock.moveTo(Instant.now()); // both answers are compared at the same moment
        List<Slot> before = availability.slots(f.service, day);
        // 08:00–13:00 and 14:00–20:00 in 30 minutes: 10 + 12 slots
        assertEquals(22, before.size());
        assertEquals(LocalTime.of(8, 0), before.get(0).localStart());
        assertEquals(LocalTime.of(14, 0), before.get(10).localStart());
        // the test Redis answers (an empty answer would mean the cache was never used, not that it worked)
        assertEquals(Optional.of(true), redis.call(j -> j.exists(cache.namespaced("agenda:" + f.service + ":" + day))),
                "the day is cached in Redis");

        BookingView b = bookings.book(request(f.service, at(day, 8, 0), TestRuts.next(), "10.11.0.1"));
        assertEquals(1, availability.slots(f.service, day).get(0).free(), "the booking shows at once");
        LocalDate from = LocalDate.now(AppointmentClock.ZONE);
        List<BookableDay> cached = availability.days(f.service, from, from.plusDays(20));
        assertEquals(fromDatabase(f.service, from, from.plusDays(20)), cached);
        assertEquals(cached, availability.days(f.service, from, from.plusDays(20)), "again, from the cache");

        // an unreadable cache entry (another version, a corrupted value) is computed again from the database
        redis.call(j -> j.setex(cache.namespaced("agenda:" + f.service + ":" + day), 30, "garbage"));
        assertEquals(cached, availability.days(f.service, from, from.plusDays(20)));

        // a station deactivated in the configuration: after the TTL (or a change of the day) capacity drops
        execute("UPDATE estaciones SET activo = false WHERE id = ?", f.stations.get(0));
        cache.invalidate(f.service, day, day);
        assertEquals(1, availability.slots(f.service, day).get(1).capacity());
        assertEquals(fromDatabase(f.service, from, from.plusDays(20)), availability.days(f.service, from, from.plusDays(20)));
        bookings.cancel(b.code(), b.rut());
        assertEquals(1, availability.slots(f.service, day).get(0).free());

        // a national holiday closes every unit; lifting it opens the day again
        LocalDate holiday = workingDay(20);
        execute("INSERT INTO feriados (fecha, nombre) VALUES (?, 'Feriado de prueba')", java.sql.Date.valueOf(holiday));
        cache.invalidate(f.service, holiday, holiday);
        assertEquals(DayState.CLOSED, dayState(f.service, holiday));
        assertTrue(availability.slots(f.service, holiday).isEmpty());
        assertEquals("day.closed", assertThrows(AppointmentException.class,
                () -> bookings.book(request(f.service, at(holiday, 9, 0), TestRuts.next(), "10.11.0.2"))).key());
        execute("UPDATE feriados SET activo = false WHERE fecha = ?", java.sql.Date.valueOf(holiday));
        cache.invalidate(f.service, holiday, holiday);
        assertEquals(DayState.AVAILABLE, dayState(f.service, holiday));

        Optional<Slot> first = availability.firstFree(f.service);
        assertTrue(first.isPresent());
        assertFalse(first.get().start().isBefore(clock.now().plusSeconds(3600)), "respects the lead time");

        List<BookableService> services = availability.services();
        assertTrue(services.stream().anyMatch(s -> s.serviceId().equals(RENOVACION_LICENCIA) && s.slotMinutes() == 30));
        assertTrue(services.stream().noneMatch(s -> s.serviceId().equals(AYUDA_SOCIAL)), "takes no bookings");
        assertEquals(strings("""
                SELECT s.id FROM servicios s JOIN unidades u ON u.id = s.unidad_id
                JOIN direcciones_municipales d ON d.id = u.direccion_id
                WHERE s.activo AND s.acepta_agendamiento AND u.activo AND d.activo ORDER BY d.nombre, u.nombre, s.nombre"""),
                services.stream().map(s -> s.serviceId().toString()).toList(), "by directorate, unit and service");
    }

    // ------------------------------------------------------------------ helpers

    /** A unit open every day 08:00–13:00 and 14:00–20:00 with one service and its stations. */
    record Fixture(UUID unit, UUID service, List<UUID> stations) {
    }

    private Fixture fixture(int slotMinutes, int stations, int inactiveStations, int walkInStations) {
        UUID unit = UUID.randomUUID();
        execute("""
                INSERT INTO unidades (id, direccion_id, nombre, direccion_fisica, activo) VALUES (?, ?, ?, 'Calle de Prueba 123', true)""",
                unit, TRANSITO, "Unidad de prueba " + unit);
        for (int weekday = 1; weekday <= 7; weekday++) {
            execute("""
                    INSERT INTO horarios_unidad (unidad_id, dia_semana, hora_apertura, hora_cierre)
                    VALUES (?, ?, '08:00', '13:00'), (?, ?, '14:00', '20:00')""", unit, weekday, unit, weekday);
        }
        UUID service = UUID.randomUUID();
        execute("""
                INSERT INTO servicios (id, unidad_id, nombre, prefijo, acepta_agendamiento, duracion_bloque_min,
                                       horizonte_dias, anticipacion_minima_min, estaciones_reservadas_presencial)
                VALUES (?, ?, 'Servicio de prueba A', 'A', true, ?, 30, 60, ?)""", service, unit, slotMinutes, walkInStations);
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= stations; i++) {
            UUID station = UUID.randomUUID();
            execute("INSERT INTO estaciones (id, unidad_id, nombre, numero, activo) VALUES (?, ?, ?, ?, ?)",
                    station, unit, "Módulo " + i, i, i > inactiveStations);
            execute("INSERT INTO estacion_servicios (estacion_id, servicio_id) VALUES (?, ?)", station, service);
            ids.add(station);
        }
        // the inactive ones first in the list: the active ones follow
        return new Fixture(unit, service, ids.subList(inactiveStations, ids.size()));
    }

    private UUID addService(Fixture f, String prefix) {
        UUID service = UUID.randomUUID();
        execute("""
                INSERT INTO servicios (id, unidad_id, nombre, prefijo, acepta_agendamiento, duracion_bloque_min,
                                       horizonte_dias, anticipacion_minima_min)
                VALUES (?, ?, ?, ?, true, 30, 30, 60)""", service, f.unit, "Servicio de prueba " + prefix, prefix);
        for (UUID station : f.stations) {
            execute("INSERT INTO estacion_servicios (estacion_id, servicio_id) VALUES (?, ?)", station, service);
        }
        return service;
    }

    /** A day at least {@code ahead} days from today that is not a holiday. */
    private LocalDate workingDay(int ahead) {
        LocalDate day = LocalDate.now(AppointmentClock.ZONE).plusDays(ahead);
        while (!strings("SELECT fecha FROM feriados WHERE activo AND fecha = ?", java.sql.Date.valueOf(day)).isEmpty()) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** {@code count} days that are not holidays, from {@code ahead} days from today on. */
    private List<LocalDate> workingDays(int ahead, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = workingDay(ahead); days.size() < count; day = workingDay((int) java.time.temporal.ChronoUnit.DAYS
                .between(LocalDate.now(AppointmentClock.ZONE), day) + 1)) {
            days.add(day);
        }
        return days;
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), AppointmentClock.ZONE).toInstant();
    }

    private BookingRequest request(UUID service, Instant start, String rut, String ip) {
        Challenge challenge = challenges.issue();
        return new BookingRequest(service, start, rut, "Ciudadana de Prueba", "prueba@example.cl", "+56 9 1234 5678",
                "es", ip, challenge.token(), ProofOfWork.solve(challenge.token(), challenge.difficulty()));
    }

    private Slot slotAt(UUID service, Instant start) {
        return availability.slots(service, AppointmentClock.dayOf(start)).stream()
                .filter(s -> s.start().equals(start)).findFirst().orElseThrow();
    }

    private DayState dayState(UUID service, LocalDate day) {
        return availability.days(service, day, day).get(0).state();
    }

    private List<BookableDay> fromDatabase(UUID service, LocalDate from, LocalDate to) {
        var info = settings.service(service);
        Instant now = clock.now();
        return planner.load(info, from, to).entrySet().stream()
                .map(e -> new DayPlan(e.getKey(), AppointmentClock.ZONE, info.rules(), e.getValue()).summary(now))
                .toList();
    }

    /** Runs the calls at the same moment, one thread each; outcome counts by "ok" or the exception key. */
    private <T> List<T> race(List<Callable<T>> calls, Map<String, Integer> outcomes, String what) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<T> won = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        long started;
        try {
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        won.add(call.call());
                        outcomes.merge("ok", 1, Integer::sum);
                    } catch (DomainException e) {
                        outcomes.merge(e.key(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            ready.await(1, TimeUnit.MINUTES);
            started = System.nanoTime();
            go.countDown();
            for (Future<?> f : futures) {
                f.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(String.format("Carrera de %s: %d simultáneas en %d ms: %s",
                what, calls.size(), millis, outcomes));
        return won;
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // the test writes the configuration's tables itself; the config domain announces its changes like this
        invalidations.announce(ConfigurationReadModel.TOPIC, null);
    }

    private List<String> strings(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
