package cl.ventanilla.statistics.tools;

import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.SqlValues;
import cl.ventanilla.statistics.control.Rebuild;
import cl.ventanilla.statistics.control.Summaries;
import cl.ventanilla.statistics.control.TicketFactsAccess;
import cl.ventanilla.statistics.entity.Dimension;
import cl.ventanilla.statistics.entity.Grouping;
import cl.ventanilla.statistics.entity.Period;
import cl.ventanilla.statistics.entity.SummaryQuery;
import cl.ventanilla.statistics.entity.Totals;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A year of a large municipality for the statistics: units, services, desks and their operators' sessions,
 * walk-in and booked tickets straight into {@code turnos} (with the {@code turno_eventos} the statistics read:
 * no-shows and transfers) and bookings into {@code agendamientos}, by COPY, from a seed; then the aggregates
 * by the rebuild ({@link Rebuild}, month by month), and then the benchmark: each query the statistics screen
 * makes, timed on that data (see {@link #benchmark}). Run by {@code scripts/generate-statistics.sh}.
 *
 * <pre>
 * StatisticsGenerator [--tickets 3000000] [--seed 2026] [--from 2025-12-01] [--days 365] [--units 12] [--benchmark-only]
 * [--facts-only]
 * </pre>
 *
 * The database comes from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD and must have the schema.
 */
public final class StatisticsGenerator {

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final java.util.Map<Grouping, String> GROUPING_NAMES = java.util.Map.of(Grouping.DAY, "día",
            Grouping.WEEK, "semana", Grouping.MONTH, "mes");
    private static final java.util.Map<Dimension, String> DIMENSION_NAMES = java.util.Map.of(Dimension.TOTAL,
            "sin desglose", Dimension.UNIT, "por unidad", Dimension.SERVICE, "por servicio", Dimension.STATION,
            "por módulo", Dimension.OPERATOR, "por funcionario");
    private static final String[] UNIT_NAMES = {"Tránsito", "Permisos de Circulación", "Registro Social", "Desarrollo Social",
        "Rentas y Patentes", "Obras", "Aseo", "Salud", "Educación", "Vivienda", "Juzgado de Policía Local", "Cultura",
        "Deportes", "Medio Ambiente", "Seguridad", "Turismo"};

    private final Random random;
    private final int tickets;
    private final LocalDate from;
    private final int days;
    private final int unitCount;

    private record Service(UUID id, UUID unit, String prefix, int slaMinutes, int serviceMinutes, double weight) {
    }

    private record Station(UUID id, UUID unit, UUID operator) {
    }

    private final List<UUID> units = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Station> stations = new ArrayList<>();

    private StatisticsGenerator(long seed, int tickets, LocalDate from, int days, int unitCount) {
        this.random = new Random(seed);
        this.tickets = tickets;
        this.from = from;
        this.days = days;
        this.unitCount = unitCount;
    }

    public static void main(String[] args) throws Exception {
        int tickets = Integer.parseInt(option(args, "--tickets", "3000000"));
        long seed = Long.parseLong(option(args, "--seed", "2026"));
        LocalDate from = LocalDate.parse(option(args, "--from", "2025-12-01"));
        int days = Integer.parseInt(option(args, "--days", "365"));
        int units = Integer.parseInt(option(args, "--units", "12"));
        boolean benchmarkOnly = Arrays.asList(args).contains("--benchmark-only");
        boolean factsOnly = Arrays.asList(args).contains("--facts-only");
        try (Connection c = connect()) {
            if (!benchmarkOnly && !factsOnly) {
                new StatisticsGenerator(seed, tickets, from, days, units).generate(c);
            }
            if (!factsOnly) {
                benchmark(c, new Period(from, from.plusDays(days - 1)));
            }
            facts(c, from.plusDays(days + 30));
        }
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

    private static Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/"
                + env("DB_NAME", "ventanilla_estadisticas");
        return DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private void generate(Connection c) throws SQLException, IOException {
        long started = System.nanoTime();
        municipality(c);
        List<LocalDate> workdays = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(from.plusDays(days)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                workdays.add(d);
            }
        }
        sessions(c, workdays);
        int perDay = Math.max(1, tickets / workdays.size());
        long written = 0;
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder turnos = new StringBuilder();
        StringBuilder eventos = new StringBuilder();
        StringBuilder agendamientos = new StringBuilder();
        double totalWeight = services.stream().mapToDouble(Service::weight).sum();
        for (LocalDate day : workdays) {
            int[] numbers = new int[services.size()];
            int today = (int) Math.round(perDay * (0.8 + 0.4 * random.nextDouble()));
            for (int i = 0; i < today; i++) {
                int s = pick(totalWeight);
                ticket(day, s, ++numbers[s], turnos, eventos, agendamientos);
            }
            written += today;
            if (turnos.length() > 8_000_000 || day.equals(workdays.get(workdays.size() - 1))) {
                // bookings first: check-in tickets refer to them
                copy.copyIn("COPY agendamientos (id, codigo, unidad_id, servicio_id, rut_ciudadano, nombre_ciudadano, "
                        + "email_ciudadano, fecha_hora_inicio, fecha_hora_fin, estado, fecha_check_in, fecha_cancelacion, "
                        + "cancelado_por) FROM STDIN", reader(agendamientos));
                copy.copyIn("COPY turnos (id, unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo, estado, "
                        + "origen, agendamiento_id, hora_agendada, preferencial, estacion_id, hora_emision, hora_ingreso_cola, "
                        + "hora_llamado, hora_inicio_atencion, hora_fin_atencion, transferencias) FROM STDIN", reader(turnos));
                copy.copyIn("COPY turno_eventos (turno_id, tipo, fecha_hora, servicio_id, servicio_destino_id, estacion_id) "
                        + "FROM STDIN", reader(eventos));
                turnos.setLength(0);
                eventos.setLength(0);
                agendamientos.setLength(0);
                say("  %,d turnos hasta el %s (%.0f s)", written, day, (System.nanoTime() - started) / 1e9);
            }
        }
        say("Generados %,d turnos en %d días hábiles (%d unidades, %d servicios, %d módulos) en %.0f s", written,
                workdays.size(), units.size(), services.size(), stations.size(), (System.nanoTime() - started) / 1e9);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE turnos");
            s.execute("ANALYZE turno_eventos");
            s.execute("ANALYZE agendamientos");
            s.execute("ANALYZE sesiones_estacion");
        }
        long rebuilding = System.nanoTime();
        c.setAutoCommit(false);
        for (LocalDate month = from.withDayOfMonth(1); month.isBefore(from.plusDays(days)); month = month.plusMonths(1)) {
            LocalDate first = month.isBefore(from) ? from : month;
            LocalDate last = month.plusMonths(1).minusDays(1);
            LocalDate end = from.plusDays(days - 1);
            Rebuild.Result r = Rebuild.run(c, new Period(first, last.isAfter(end) ? end : last));
            c.commit();
            say("  reconstruido %s: %,d filas de turnos, %,d de agendamientos", month.toString().substring(0, 7),
                    r.ticketRows(), r.bookingRows());
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE estadisticas_turnos");
            s.execute("ANALYZE estadisticas");
        }
        say("Agregados reconstruidos en %.0f s", (System.nanoTime() - rebuilding) / 1e9);
    }

    private static Reader reader(StringBuilder rows) {
        return new StringReader(rows.toString());
    }

    private int pick(double totalWeight) {
        double x = random.nextDouble() * totalWeight;
        for (int i = 0; i < services.size(); i++) {
            x -= services.get(i).weight();
            if (x <= 0) {
                return i;
            }
        }
        return services.size() - 1;
    }

    /** One ticket of the day: arrival, wait (longer at the peak, shorter if preferential), outcome, desk. */
    private void ticket(LocalDate day, int s, int number, StringBuilder turnos, StringBuilder eventos,
            StringBuilder agendamientos) {
        Service service = services.get(s);
        UUID id = new UUID(random.nextLong(), random.nextLong());
        // arrivals from 8:30 to 14:00, more in the late morning
        double hour = 8.5 + Math.min(5.5, Math.abs(random.nextGaussian() * 1.6 + 2.2));
        Instant issued = day.atTime(LocalTime.ofSecondOfDay((long) (hour * 3600))).atZone(ZONE).toInstant();
        boolean preferential = random.nextDouble() < 0.12;
        boolean booked = random.nextDouble() < 0.15;
        double peak = 1 + Math.max(0, 1.2 - Math.abs(hour - 11));
        int wait = (int) Math.max(5, -Math.log(1 - random.nextDouble()) * 60 * service.slaMinutes() * 0.45 * peak
                * (preferential ? 0.5 : 1) * (booked ? 0.4 : 1));
        int length = (int) Math.max(60, service.serviceMinutes() * 60 * (0.4 + random.nextDouble() * 1.2));
        Station station = stationOf(service.unit());
        Instant called = issued.plusSeconds(wait);
        Instant started = called.plusSeconds(20 + random.nextInt(60));
        Instant finished = started.plusSeconds(length);
        double outcome = random.nextDouble();
        String state;
        UUID attendingService = service.id();
        if (outcome < 0.05) {
            state = "NO_SE_PRESENTO";
            event(eventos, id, "NO_SE_PRESENTO", called.plusSeconds(120), service.id(), null, station.id());
        } else if (outcome < 0.09) {
            state = "CANCELADO";
        } else {
            state = "FINALIZADO";
            if (outcome < 0.12) {
                Service target = otherServiceOf(service);
                if (target != null) {
                    attendingService = target.id();
                    event(eventos, id, "TRANSFERIDO", started.plusSeconds(60), service.id(), target.id(), station.id());
                }
            }
        }
        boolean served = "FINALIZADO".equals(state);
        UUID booking = null;
        Instant bookedAt = null;
        if (booked) {
            booking = new UUID(random.nextLong(), random.nextLong());
            bookedAt = issued.plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            row(agendamientos, booking, code(), service.unit(), service.id(), rut(),
                    "Vecina generada", "vecina@example.com", ts(bookedAt), ts(bookedAt.plusSeconds(1200)), "PRESENTADO",
                    ts(issued), null, null);
        }
        row(turnos, id, service.unit(), service.id(), attendingService, day, number, service.prefix(), state,
                booked ? "AGENDAMIENTO" : "PRESENCIAL", booking, bookedAt == null ? null : ts(bookedAt),
                preferential ? "t" : "f", "CANCELADO".equals(state) ? null : station.id(), ts(issued), ts(issued),
                "CANCELADO".equals(state) ? null : ts(called), served ? ts(started) : null,
                served ? ts(finished) : null, attendingService.equals(service.id()) ? 0 : 1);
        if (random.nextDouble() < 0.004) {
            // a few bookings with other fates on the same day: cancelled, missed, moved
            UUID other = new UUID(random.nextLong(), random.nextLong());
            String fate = new String[] {"CANCELADO", "NO_SE_PRESENTO", "REPROGRAMADO", "CONFIRMADO"}[random.nextInt(4)];
            Instant at = issued.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            row(agendamientos, other, code(), service.unit(), service.id(), rut(), "Vecino generado",
                    "vecino@example.com", ts(at), ts(at.plusSeconds(1200)), fate, null,
                    "CANCELADO".equals(fate) ? ts(at.minusSeconds(86_400)) : null,
                    "CANCELADO".equals(fate) ? "CIUDADANO" : null);
        }
    }

    private Station stationOf(UUID unit) {
        List<Station> own = stations.stream().filter(s -> s.unit().equals(unit)).toList();
        return own.get(random.nextInt(own.size()));
    }

    private Service otherServiceOf(Service service) {
        List<Service> others = services.stream().filter(o -> o.unit().equals(service.unit()) && o != service).toList();
        return others.isEmpty() ? null : others.get(random.nextInt(others.size()));
    }

    private void event(StringBuilder out, UUID ticket, String type, Instant at, UUID service, UUID target, UUID station) {
        row(out, ticket, type, ts(at), service, target, station);
    }

    private static String ts(Instant instant) {
        return TIMESTAMP.format(instant.atZone(ZONE));
    }

    /** One line of COPY's text format (\N for null; the values never hold tabs or backslashes). */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(values[i] == null ? "\\N" : values[i].toString());
        }
        out.append('\n');
    }

    private int citizens;
    private int codes;

    /** A booking code as the schema wants it (upper-case letters and digits), unique in the run. */
    private String code() {
        return String.format(Locale.ROOT, "G%09d", ++codes);
    }

    private String rut() {
        int body = 10_000_000 + citizens++;
        return body + "-" + Rut.checkDigitOf(body);
    }

    /** Directorate, units, services (weights: some services far busier), desks and one operator per desk. */
    private void municipality(Connection c) throws SQLException {
        UUID directorate = new UUID(random.nextLong(), random.nextLong());
        try (PreparedStatement d = c.prepareStatement("INSERT INTO direcciones_municipales (id, nombre) VALUES (?, ?)")) {
            d.setObject(1, directorate);
            d.setString(2, "Dirección generada " + directorate.toString().substring(0, 8));
            d.executeUpdate();
        }
        int stationNumber = 0;
        for (int u = 0; u < unitCount; u++) {
            UUID unit = new UUID(random.nextLong(), random.nextLong());
            units.add(unit);
            try (PreparedStatement i = c.prepareStatement("INSERT INTO unidades (id, direccion_id, nombre) VALUES (?, ?, ?)")) {
                i.setObject(1, unit);
                i.setObject(2, directorate);
                i.setString(3, UNIT_NAMES[u % UNIT_NAMES.length] + (u >= UNIT_NAMES.length ? " " + (u + 1) : "")
                        + " (generada)");
                i.executeUpdate();
            }
            int serviceCount = 3 + random.nextInt(5);
            for (int s = 0; s < serviceCount; s++) {
                Service service = new Service(new UUID(random.nextLong(), random.nextLong()), unit,
                        String.valueOf((char) ('A' + s)), 15 + 5 * random.nextInt(6), 5 + random.nextInt(25),
                        0.2 + Math.pow(random.nextDouble(), 2) * 3);
                services.add(service);
                try (PreparedStatement i = c.prepareStatement("""
                        INSERT INTO servicios (id, unidad_id, nombre, prefijo, duracion_promedio_min, sla_minutos)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
                    i.setObject(1, service.id());
                    i.setObject(2, unit);
                    i.setString(3, "Trámite " + service.prefix() + " de la unidad " + (u + 1));
                    i.setString(4, service.prefix());
                    i.setInt(5, service.serviceMinutes());
                    i.setInt(6, service.slaMinutes());
                    i.executeUpdate();
                }
            }
            int desks = 4 + random.nextInt(6);
            for (int k = 0; k < desks; k++) {
                UUID station = new UUID(random.nextLong(), random.nextLong());
                UUID operator = new UUID(random.nextLong(), random.nextLong());
                try (PreparedStatement i = c.prepareStatement(
                        "INSERT INTO estaciones (id, unidad_id, nombre, numero) VALUES (?, ?, ?, ?)")) {
                    i.setObject(1, station);
                    i.setObject(2, unit);
                    i.setString(3, "Módulo " + (k + 1));
                    i.setInt(4, k + 1);
                    i.executeUpdate();
                }
                try (PreparedStatement i = c.prepareStatement(
                        "INSERT INTO usuarios (id, rut, nombre, password_hash, activo) VALUES (?, ?, ?, 'generado', false)")) {
                    i.setObject(1, operator);
                    i.setString(2, rut());
                    i.setString(3, "Funcionaria generada " + (++stationNumber));
                    i.executeUpdate();
                }
                stations.add(new Station(station, unit, operator));
            }
        }
    }

    /** Each desk's operator seated from 8:00 to 16:00 of every working day. */
    private void sessions(Connection c, List<LocalDate> workdays) throws SQLException, IOException {
        StringBuilder rows = new StringBuilder();
        for (LocalDate day : workdays) {
            for (Station s : stations) {
                row(rows, s.id(), s.operator(), "CERRADA", ts(day.atTime(8, 0).atZone(ZONE).toInstant()),
                        ts(day.atTime(16, 0).atZone(ZONE).toInstant()));
            }
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY sesiones_estacion (estacion_id, usuario_id, estado, inicio, fin) FROM STDIN", reader(rows));
    }

    /**
     * Times what feeding the aggregates adds to a ticket: its issue's statement and its attention's (the
     * dearer one: sums, maximum and histograms), each in a transaction of its own as in production (the
     * statement timed, not the commit, which the ticket's transaction pays anyway), for
     * tickets of a day after the data spread over the generated desks and services; the day is removed after.
     */
    static void facts(Connection c, LocalDate day) throws SQLException {
        List<UUID[]> desks = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("""
                        SELECT e.unidad_id, s.id, e.id FROM estaciones e JOIN servicios s ON s.unidad_id = e.unidad_id
                        ORDER BY 1, 2, 3""")) {
            while (r.next()) {
                desks.add(new UUID[] {r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getObject(3, UUID.class)});
            }
        }
        if (desks.isEmpty()) {
            say("No hay módulos para medir los hechos.");
            return;
        }
        Random random = new Random(7);
        int tickets = 3000;
        long[] issue = new long[tickets];
        long[] finish = new long[tickets];
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement issued = c.prepareStatement(TicketFactsAccess.issued());
                PreparedStatement finished = c.prepareStatement(TicketFactsAccess.finished())) {
            Instant opening = day.atTime(8, 30).atZone(ZONE).toInstant();
            for (int i = 0; i < tickets; i++) {
                UUID[] desk = desks.get(random.nextInt(desks.size()));
                SqlValues.bindAll(issued, day, desk[0], desk[1], i % 7 == 0 ? 1 : 0, 0, 0);
                long t = System.nanoTime();
                issued.executeUpdate();
                issue[i] = System.nanoTime() - t;
                c.commit();
                Instant queued = opening.plusSeconds(i * 6L);
                Instant called = queued.plusSeconds(random.nextInt(3600));
                Instant started = called.plusSeconds(30);
                Instant end = started.plusSeconds(60 + random.nextInt(1200));
                SqlValues.bindAll(finished, day, desk[0], desk[1], desk[2], end, i % 7 == 0, false, queued,
                        called, started, end);
                t = System.nanoTime();
                finished.executeUpdate();
                finish[i] = System.nanoTime() - t;
                c.commit();
            }
        } finally {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM estadisticas_turnos WHERE fecha = ?");
                    PreparedStatement e = c.prepareStatement("DELETE FROM estadisticas WHERE fecha = ?")) {
                s.setObject(1, day);
                s.executeUpdate();
                e.setObject(1, day);
                e.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(autoCommit);
        }
        say("Hechos: %,d turnos de un día en %d módulos×servicios, cada uno en su transacción (la sentencia, sin el commit):",
                tickets, desks.size());
        say("  emisión  %.2f ms de mediana, %.2f ms de media", median(issue), mean(issue));
        say("  atención %.2f ms de mediana, %.2f ms de media", median(finish), mean(finish));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    /**
     * Times what the statistics screen asks for, with its own queries ({@link Summaries}), on the whole
     * period: for each view, the split's rows and their totals per period, tickets and bookings, as
     * {@code Statistics.report} reads them; the median of five runs after one to warm up.
     */
    static void benchmark(Connection c, Period year) throws SQLException {
        UUID unit;
        UUID service;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("""
                        SELECT unidad_id, servicio_id FROM estadisticas_turnos GROUP BY 1, 2
                        ORDER BY sum(emitidos) DESC LIMIT 1""")) {
            if (!r.next()) {
                say("No hay agregados que medir.");
                return;
            }
            unit = r.getObject(1, UUID.class);
            service = r.getObject(2, UUID.class);
        }
        long rows;
        long tickets;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM estadisticas_turnos), (SELECT count(*) FROM turnos)")) {
            r.next();
            rows = r.getLong(1);
            tickets = r.getLong(2);
        }
        say("Benchmark de la pantalla de estadísticas: %,d turnos, %,d filas de agregados", tickets, rows);
        LocalDate lastMonth = year.to().withDayOfMonth(1);
        Period month = new Period(lastMonth, year.to());
        List<Object[]> views = new ArrayList<>();
        // every grouping and split the screen offers, for the whole municipality, over the year and a month
        for (Period period : List.of(year, month)) {
            for (Grouping grouping : Grouping.values()) {
                for (Dimension dimension : Dimension.values()) {
                    views.add(new Object[] {"municipio, " + (period == year ? "un año" : "un mes") + " por "
                            + GROUPING_NAMES.get(grouping) + ", " + DIMENSION_NAMES.get(dimension), period, grouping,
                            dimension, null, null});
                }
            }
        }
        views.add(new Object[] {"una unidad, un mes por día, por módulo", month, Grouping.DAY, Dimension.STATION, unit, null});
        views.add(new Object[] {"una unidad, un año por día, por funcionario", year, Grouping.DAY, Dimension.OPERATOR, unit, null});
        views.add(new Object[] {"un servicio, un año por día, por funcionario", year, Grouping.DAY, Dimension.OPERATOR, unit, service});
        views.add(new Object[] {"un servicio, un año por día, sin desglose", year, Grouping.DAY, Dimension.TOTAL, unit, service});
        say("%-52s %10s %8s", "vista (totales por período + desglose)", "mediana", "filas");
        for (Object[] v : views) {
            SummaryQuery split = new SummaryQuery((Period) v[1], (Grouping) v[2], (Dimension) v[3], (UUID) v[4], (UUID) v[5]);
            SummaryQuery total = new SummaryQuery(split.period(), split.grouping(), Dimension.TOTAL, split.unitId(),
                    split.serviceId());
            long[] millis = new long[6];
            int answered = 0;
            for (int run = 0; run < millis.length; run++) {
                // as Statistics.report: the split read once with its bookings, its sums per period (the
                // totals' bookings read alone for a split by station or operator)
                long t = System.nanoTime();
                Summaries.Read read = Summaries.read(c, split);
                answered = read.tickets().size() + read.bookings().size();
                if (split.dimension() != Dimension.TOTAL) {
                    answered += Totals.perPeriod(read.tickets()).size() + (split.dimension().inServiceDays()
                            ? read.bookingsPerPeriod().size() : Summaries.bookings(c, total).size());
                }
                millis[run] = (System.nanoTime() - t) / 1_000_000;
            }
            long[] measured = Arrays.copyOfRange(millis, 1, millis.length);
            Arrays.sort(measured);
            say("%-52s %7d ms %8d", v[0], measured[measured.length / 2], answered);
        }
    }
}
