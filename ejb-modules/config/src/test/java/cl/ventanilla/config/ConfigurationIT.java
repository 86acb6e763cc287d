package cl.ventanilla.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.config.boundary.AuditLog;
import cl.ventanilla.config.boundary.CalendarMonth;
import cl.ventanilla.config.boundary.ClosureDetails;
import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.config.boundary.DirectorateDetails;
import cl.ventanilla.config.boundary.Directorates;
import cl.ventanilla.config.boundary.HolidayDetails;
import cl.ventanilla.config.boundary.Holidays;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.boundary.PriorityRuleDetails;
import cl.ventanilla.config.boundary.PriorityRules;
import cl.ventanilla.config.boundary.ServiceCatalog;
import cl.ventanilla.config.boundary.ServiceDetails;
import cl.ventanilla.config.boundary.Services;
import cl.ventanilla.config.boundary.StationDetails;
import cl.ventanilla.config.boundary.Stations;
import cl.ventanilla.config.boundary.UnitDetails;
import cl.ventanilla.config.boundary.Units;
import cl.ventanilla.config.control.CalendarDay;
import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.config.entity.AuditEntry;
import cl.ventanilla.config.entity.ConfigException;
import cl.ventanilla.config.entity.Directorate;
import cl.ventanilla.config.entity.Holiday;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.config.entity.OpeningRange;
import cl.ventanilla.config.entity.PreferentialCategory;
import cl.ventanilla.config.entity.PriorityRule;
import cl.ventanilla.config.entity.Station;
import cl.ventanilla.config.entity.TimeRange;
import cl.ventanilla.config.entity.Unit;
import cl.ventanilla.config.entity.WeeklySchedule;
import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.kernel.InvalidRutException;
import cl.ventanilla.kernel.audit.AuditEvent;
import cl.ventanilla.kernel.ViolationMessages;
import cl.ventanilla.kernel.testing.ModuleDeployment;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The configuration boundaries in Payara Micro against the real PostgreSQL with the demo
 * municipality: each aggregate created, changed and deactivated (never deleted), the rules that refuse
 * duplicates and overlaps with their message keys, the audit rows with before and after, search with
 * pagination, and the calendar the demo data gives. Every test makes its own names, so they do not
 * depend on each other's order.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationIT {

    private static final UUID TRANSIT = UUID.fromString("10000000-0000-4000-8000-000000000001");
    private static final UUID DIDECO = UUID.fromString("10000000-0000-4000-8000-000000000002");
    private static final UUID LICENCES = UUID.fromString("20000000-0000-4000-8000-000000000001");
    private static final UUID FIRST_LICENCE = UUID.fromString("30000000-0000-4000-8000-000000000001");

    @Deployment
    static WebArchive deployment() {
        return ModuleDeployment.of("configuration-it.war", "cl.ventanilla.config");
    }

    @Inject
    Directorates directorates;

    @Inject
    Units units;

    @Inject
    Services services;

    @Inject
    Stations stations;

    @Inject
    Holidays holidays;

    @Inject
    PriorityRules priorityRules;

    @Inject
    AuditLog auditLog;

    @Inject
    ServiceCatalog catalog;

    @Inject
    Event<AuditEvent> auditEvents;

    @Inject
    Validator validator;

    @Inject
    ConfigurationReadModel readModel;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDirectorateIsCreatedRenamedAndDeactivatedWithAuditRowsButNeverDeleted() throws SQLException {
        Directorate created = directorates.create(new DirectorateDetails("Dirección de Prueba " + tag, "Para probar"));
        UUID id = created.getId();
        directorates.update(id, new DirectorateDetails("Dirección de Pruebas " + tag, null));
        Directorate deactivated = directorates.deactivate(id);
        assertFalse(deactivated.isActive());
        assertEquals("Dirección de Pruebas " + tag, directorates.get(id).getName());
        assertEquals(List.of("false"), strings("SELECT activo::text FROM direcciones_municipales WHERE id = ?::uuid", id));
        assertFalse(directorates.active().stream().anyMatch(d -> d.getId().equals(id)));

        assertEquals(List.of(
                "CREAR|null|Dirección de Prueba " + tag + "|true",
                "MODIFICAR|Dirección de Prueba " + tag + "|Dirección de Pruebas " + tag + "|true",
                "DESACTIVAR|Dirección de Pruebas " + tag + "|Dirección de Pruebas " + tag + "|false"),
                strings("""
                        SELECT accion || '|' || coalesce(datos_anteriores->>'name', 'null') || '|'
                            || (datos_nuevos->>'name') || '|' || (datos_nuevos->>'active')
                        FROM auditoria WHERE entidad = 'direcciones_municipales' AND entidad_id = ?
                        ORDER BY fecha_creacion""", id.toString()));
        assertEquals(List.of("null|null"), strings("""
                SELECT DISTINCT coalesce(usuario_rut, 'null') || '|' || coalesce(usuario_nombre, 'null')
                FROM auditoria WHERE entidad_id = ?""", id.toString()), "no one signed in: no author");

        // the same name in other letters and accents is a duplicate, and a refused change leaves no audit row
        ConfigException duplicate = assertThrows(ConfigException.class,
                () -> directorates.create(new DirectorateDetails("DIRECCION DE PRUEBAS " + tag.toUpperCase(), null)));
        assertEquals("directorate.duplicateName", duplicate.key());
        assertEquals(DomainException.Kind.CONFLICT, duplicate.kind());
        assertEquals("Ya existe una dirección municipal llamada «DIRECCION DE PRUEBAS " + tag.toUpperCase() + "».",
                duplicate.messageIn(DomainException.DEFAULT_LOCALE));
        assertEquals(List.of("3"), strings("SELECT count(*)::text FROM auditoria WHERE entidad_id = ?", id.toString()));

        directorates.activate(id);
        assertTrue(directorates.get(id).isActive());
        ConfigException missing = assertThrows(ConfigException.class, () -> directorates.get(UUID.randomUUID()));
        assertEquals(DomainException.Kind.NOT_FOUND, missing.kind());
    }

    @Test
    void aUnitKeepsSplitHoursRefusesOverlapsAndClosesOnItsClosures() throws SQLException {
        Unit unit = units.create(new UnitDetails(DIDECO, "Oficina de Prueba " + tag, "Los Aromos 325",
                "+56 2 2987 4200", "prueba@munivalleverde.cl"));
        assertEquals("Dirección de Desarrollo Comunitario (DIDECO)", unit.getDirectorate().getName());
        assertEquals("unit.duplicateName", assertThrows(ConfigException.class, () -> units.create(
                new UnitDetails(DIDECO, "oficina de prueba " + tag, null, null, null))).key());

        List<OpeningRange> split = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)) {
            split.add(new OpeningRange(day, LocalTime.of(8, 30), LocalTime.of(13, 30)));
            split.add(new OpeningRange(day, LocalTime.of(14, 30), LocalTime.of(17, 0)));
        }
        units.changeOpeningHours(unit.getId(), new WeeklySchedule(split));
        WeeklySchedule stored = units.openingHours(unit.getId());
        assertEquals(new WeeklySchedule(split), stored);
        assertEquals(List.of("08:30:00-13:30:00", "14:30:00-17:00:00"), strings("""
                SELECT hora_apertura::text || '-' || hora_cierre::text FROM horarios_unidad
                WHERE unidad_id = ?::uuid AND dia_semana = 1 ORDER BY hora_apertura""", unit.getId()),
                "wall-clock times stored as entered");

        // Monday's morning range keeps its opening minute and grows; its afternoon range and Tuesday go
        List<OpeningRange> changed = new ArrayList<>(split.subList(4, 6));
        changed.add(new OpeningRange(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(15, 0)));
        units.changeOpeningHours(unit.getId(), new WeeklySchedule(changed));
        assertEquals(List.of(new TimeRange(LocalTime.of(8, 30), LocalTime.of(15, 0))),
                units.openingHours(unit.getId()).on(DayOfWeek.MONDAY));
        assertEquals(List.of(), units.openingHours(unit.getId()).on(DayOfWeek.TUESDAY));
        assertEquals(List.of("3"), strings("SELECT count(*)::text FROM horarios_unidad WHERE unidad_id = ?::uuid",
                unit.getId()));
        assertEquals(List.of("[\"08:30–13:30\",\"14:30–17:00\"]|[\"08:30–15:00\"]"), strings("""
                SELECT (datos_anteriores->'MONDAY')::text || '|' || (datos_nuevos->'MONDAY')::text FROM auditoria
                WHERE entidad_id = ? AND descripcion LIKE 'Modificación del horario%' ORDER BY fecha_creacion DESC
                LIMIT 1""", unit.getId().toString()).stream().map(s -> s.replace(" ", "")).toList());

        ConfigException overlap = assertThrows(ConfigException.class, () -> new WeeklySchedule(List.of(
                new OpeningRange(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(13, 30)),
                new OpeningRange(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0)))));
        assertEquals("openingHours.overlap", overlap.key());

        LocalDate monday = LocalDate.of(2030, 3, 4);
        assertEquals("closure.endBeforeStart", assertThrows(ConfigException.class, () -> units.close(unit.getId(),
                new ClosureDetails(monday, monday.minusDays(1), "Fumigación"))).key());
        units.close(unit.getId(), new ClosureDetails(monday, monday.plusDays(1), "Fumigación"));
        assertEquals(1, units.closures(unit.getId()).size());
        CalendarMonth march = units.month(unit.getId(), YearMonth.of(2030, 3));
        CalendarDay closed = march.days().get(3);
        assertEquals(monday, closed.date());
        assertFalse(closed.open());
        assertEquals("Fumigación", closed.closure());
        assertTrue(march.days().get(5).open(), "Wednesday after the closure");
        assertEquals(List.of("CREAR"), strings("SELECT accion FROM auditoria WHERE entidad = 'cierres_unidad' "
                + "AND datos_nuevos->>'unitId' = ?", unit.getId().toString()));

        units.update(unit.getId(), new UnitDetails(TRANSIT, "Oficina de Prueba " + tag, "Otra dirección 1", null, null));
        assertEquals(TRANSIT, units.get(unit.getId()).getDirectorate().getId());
        units.deactivate(unit.getId());
        assertEquals(List.of("false"), strings("SELECT activo::text FROM unidades WHERE id = ?::uuid", unit.getId()));
        assertEquals("service.unitInactive", assertThrows(ConfigException.class,
                () -> services.create(service(unit.getId(), "Trámite " + tag, "Z"))).key());
    }

    @Test
    void servicesRefuseDuplicateNamesAndPrefixesAndAreDeactivatedNotDeleted() throws SQLException {
        Unit unit = units.create(new UnitDetails(DIDECO, "Oficina de Servicios " + tag, null, null, null));
        MunicipalService service = services.create(service(unit.getId(), "Certificado de Residencia", "Q"));
        assertEquals("Q", service.getPrefix());

        ConfigException sameName = assertThrows(ConfigException.class,
                () -> services.create(service(unit.getId(), "certificado de residéncia", "W")));
        assertEquals("service.duplicateName", sameName.key());
        assertEquals(DomainException.Kind.CONFLICT, sameName.kind());
        ConfigException samePrefix = assertThrows(ConfigException.class,
                () -> services.create(service(unit.getId(), "Otro certificado", "q")));
        assertEquals("service.duplicatePrefix", samePrefix.key());
        assertEquals("The prefix \"Q\" is already used by the service \"Certificado de Residencia\" of the unit "
                + "\"Oficina de Servicios " + tag + "\".", samePrefix.messageIn(Locale.ENGLISH));
        // the same prefix in another unit is fine: prefixes are per unit
        Unit other = units.create(new UnitDetails(DIDECO, "Otra Oficina de Servicios " + tag, null, null, null));
        assertNotNull(services.create(service(other.getId(), "Certificado de residencia", "Q")).getId());

        MunicipalService updated = services.update(service.getId(), new ServiceDetails(unit.getId(),
                "Certificado de residencia", "Para postulaciones", "QR", "Cédula de identidad.", 12, 25, 40, false, 20,
                30, 60));
        assertEquals("QR", updated.getPrefix());
        assertEquals(40, updated.getDailyWalkInQuota());
        assertFalse(updated.isTakesAppointments());
        assertEquals("service.unitFixed", assertThrows(ConfigException.class, () -> services.update(service.getId(),
                service(LICENCES, "Certificado de residencia", "QR"))).key());

        services.deactivate(service.getId());
        assertEquals(List.of("false|QR"), strings("SELECT activo::text || '|' || prefijo FROM servicios WHERE id = ?::uuid",
                service.getId()), "the row stays, deactivated");
        assertFalse(catalog.activeServices().stream().anyMatch(s -> s.getId().equals(service.getId())));
        assertEquals(1, services.search("residencia", unit.getId(), false, 0, 10).total());
        assertEquals(List.of("CREAR", "MODIFICAR", "DESACTIVAR"), strings(
                "SELECT accion FROM auditoria WHERE entidad = 'servicios' AND entidad_id = ? ORDER BY fecha_creacion",
                service.getId().toString()));
        assertEquals(List.of("Q|QR|12"), strings("""
                SELECT (datos_anteriores->>'prefix') || '|' || (datos_nuevos->>'prefix') || '|'
                    || (datos_nuevos->>'averageAttentionMinutes')
                FROM auditoria WHERE entidad_id = ? AND accion = 'MODIFICAR'""", service.getId().toString()));
        services.activate(service.getId());
        assertTrue(catalog.activeServices().stream().anyMatch(s -> s.getId().equals(service.getId())));
    }

    @Test
    void stationsAttendOnlyServicesOfTheirOwnUnit() throws SQLException {
        Unit unit = units.create(new UnitDetails(DIDECO, "Oficina de Módulos " + tag, null, null, null));
        MunicipalService first = services.create(service(unit.getId(), "Primer trámite", "A"));
        MunicipalService second = services.create(service(unit.getId(), "Segundo trámite", "B"));
        Station station = stations.create(new StationDetails(unit.getId(), 1, "Módulo 1",
                List.of(second.getId(), first.getId())));
        assertEquals(List.of(first.getId(), second.getId()), station.getServiceIds(), "by service name");

        assertEquals("station.duplicateNumber", assertThrows(ConfigException.class, () -> stations.create(
                new StationDetails(unit.getId(), 1, "Módulo uno", List.of()))).key());
        assertEquals("station.duplicateName", assertThrows(ConfigException.class, () -> stations.create(
                new StationDetails(unit.getId(), 2, "MODULO 1", List.of()))).key());
        ConfigException otherUnit = assertThrows(ConfigException.class, () -> stations.create(
                new StationDetails(unit.getId(), 2, "Módulo 2", List.of(first.getId(), FIRST_LICENCE))));
        assertEquals("station.serviceOfOtherUnit", otherUnit.key());
        assertEquals(DomainException.Kind.INVALID, otherUnit.kind());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(ConfigException.class, () -> stations.create(
                new StationDetails(unit.getId(), 2, "Módulo 2", List.of(UUID.randomUUID())))).kind());

        stations.update(station.getId(), new StationDetails(unit.getId(), 7, "Módulo 7", List.of(second.getId())));
        assertEquals(List.of(second.getId().toString()), strings(
                "SELECT servicio_id::text FROM estacion_servicios WHERE estacion_id = ?::uuid", station.getId()));
        assertEquals(7, stations.get(station.getId()).getNumber());
        stations.deactivate(station.getId());
        assertEquals(List.of("false"), strings("SELECT activo::text FROM estaciones WHERE id = ?::uuid", station.getId()));
        assertTrue(stations.active(unit.getId()).isEmpty());
        assertEquals(1, stations.search(null, unit.getId(), null, 0, 10).total());
        assertEquals(List.of("CREAR", "MODIFICAR", "DESACTIVAR"), strings(
                "SELECT accion FROM auditoria WHERE entidad = 'estaciones' AND entidad_id = ? ORDER BY fecha_creacion",
                station.getId().toString()));
    }

    @Test
    void theReadModelOfTheOtherDomainsFollowsEveryChangeAtOnce() {
        Unit unit = units.create(new UnitDetails(DIDECO, "Oficina del modelo " + tag, null, null, null));
        MunicipalService service = services.create(service(unit.getId(), "Trámite leído", "R"));
        assertEquals("Trámite leído", readModel.service(service.getId()).orElseThrow().name());
        Station station = stations.create(new StationDetails(unit.getId(), 1, "Módulo 1", List.of(service.getId())));
        assertEquals(List.of(service.getId()), readModel.station(station.getId()).orElseThrow().services());
        assertEquals(1, readModel.stationsAttending(service.getId()));

        // each change commits, then drops the copy: the next read sees it, without waiting for any expiry
        stations.deactivate(station.getId());
        assertFalse(readModel.station(station.getId()).orElseThrow().active());
        assertEquals(0, readModel.stationsAttending(service.getId()));
        services.deactivate(service.getId());
        assertFalse(readModel.service(service.getId()).orElseThrow().active());
        assertTrue(readModel.activeServicesOf(unit.getId()).isEmpty());
    }

    @Test
    void holidaysAreOnePerDateAndCloseEveryUnitWhileActive() {
        LocalDate day = LocalDate.of(2031, 3, 3).plusWeeks(Math.floorMod(tag.hashCode(), 40));
        Holiday holiday = holidays.create(new HolidayDetails(day, "Feriado de prueba", false));
        ConfigException sameDay = assertThrows(ConfigException.class,
                () -> holidays.create(new HolidayDetails(day, "Otro feriado", true)));
        assertEquals("holiday.duplicateDate", sameDay.key());
        assertEquals(DomainException.Kind.CONFLICT, sameDay.kind());

        holidays.update(holiday.getId(), new HolidayDetails(day, "Feriado de prueba (irrenunciable)", true));
        assertTrue(holidays.get(holiday.getId()).isMandatory());
        UnitCalendar withHoliday = units.calendar(LICENCES);
        assertFalse(withHoliday.isOpen(day.atTime(10, 0)), "a Monday holiday closes a unit open on Mondays");
        assertEquals("Feriado de prueba (irrenunciable)", withHoliday.day(day).holiday());
        assertTrue(holidays.between(day, day).stream().anyMatch(h -> h.getId().equals(holiday.getId())));

        holidays.deactivate(holiday.getId());
        assertTrue(units.calendar(LICENCES).isOpen(day.atTime(10, 0)));
        assertTrue(holidays.between(day, day).isEmpty());
        assertEquals(1, holidays.search("prueba irrenunciable", day.getYear(), false, 0, 10).items().stream()
                .filter(h -> h.getId().equals(holiday.getId())).count());
    }

    @Test
    void priorityRulesDefaultToOneInTwoAndChangesAreAudited() throws SQLException {
        PriorityRule demo = priorityRules.forUnit(LICENCES);
        assertEquals("1:2", demo.getRatio());
        assertEquals(45, demo.getMaximumWaitMinutes());
        assertEquals(List.of("PERSONA_MAYOR", "EMBARAZO", "DISCAPACIDAD", "CUIDADOR"),
                demo.getCategories().stream().map(PreferentialCategory::getCode).toList());
        assertEquals(4, priorityRules.categories().size());

        Unit unit = units.create(new UnitDetails(DIDECO, "Oficina de Prioridades " + tag, null, null, null));
        PriorityRule defaults = priorityRules.forUnit(unit.getId());
        assertEquals("1:2", defaults.getRatio());
        assertEquals(4, defaults.getCategories().size());
        assertEquals(List.of("0"), strings("SELECT count(*)::text FROM reglas_prioridad WHERE unidad_id = ?::uuid",
                unit.getId()), "defaults are not stored");

        PriorityRuleDetails oneInThree = new PriorityRuleDetails(1, 3, 30, 2, 30, 15, List.of("persona_mayor", "EMBARAZO"));
        priorityRules.change(unit.getId(), oneInThree);
        priorityRules.change(unit.getId(), oneInThree);
        PriorityRule stored = priorityRules.forUnit(unit.getId());
        assertEquals("1:3", stored.getRatio());
        assertEquals(List.of("PERSONA_MAYOR", "EMBARAZO"),
                stored.getCategories().stream().map(PreferentialCategory::getCode).toList());
        priorityRules.change(unit.getId(), new PriorityRuleDetails(1, 3, 40, 2, 30, 15,
                List.of("PERSONA_MAYOR", "EMBARAZO", "DISCAPACIDAD", "CUIDADOR")));
        assertEquals(List.of("CREAR|null|1:3", "MODIFICAR|30|40"), strings("""
                SELECT r.accion || '|' || coalesce(r.datos_anteriores->>'maximumWaitMinutes', 'null') || '|'
                    || CASE WHEN r.accion = 'CREAR' THEN r.datos_nuevos->>'ratio' ELSE r.datos_nuevos->>'maximumWaitMinutes' END
                FROM auditoria r JOIN reglas_prioridad p ON r.entidad_id = p.id::text
                WHERE p.unidad_id = ?::uuid ORDER BY r.fecha_creacion""", unit.getId()),
                "saving the same rules twice writes no second row");
        assertEquals("priorityRule.unknownCategory", assertThrows(ConfigException.class, () -> priorityRules.change(
                unit.getId(), new PriorityRuleDetails(1, 2, 45, 2, 30, 15, List.of("VIP")))).key());
    }

    @Test
    void searchIgnoresCaseAndAccentsAndPages() {
        Page<MunicipalService> renewals = services.search("renovacion", null, null, 0, 20);
        List<String> names = renewals.items().stream().map(MunicipalService::getName).toList();
        assertTrue(names.contains("Renovación de licencia de conducir"), names::toString);
        assertTrue(names.contains("Renovación de permiso de circulación"), names::toString);

        Page<MunicipalService> first = services.search("LICENCIA", LICENCES, true, 0, 2);
        Page<MunicipalService> second = services.search("LICENCIA", LICENCES, true, 1, 2);
        assertEquals(4, first.total(), "the demo licence office has four licence services");
        assertEquals(2, first.items().size());
        assertEquals(2, second.items().size());
        assertTrue(first.items().stream().noneMatch(s -> second.items().stream().anyMatch(o -> o.getId().equals(s.getId()))));
        Page<MunicipalService> beyond = services.search("LICENCIA", LICENCES, true, 5, 2);
        assertTrue(beyond.items().isEmpty());
        assertEquals(4, beyond.total());

        assertEquals(List.of("Tesorería Municipal"),
                units.search("tesoreria", null, null, 0, 10).items().stream().map(Unit::getName).toList());
        assertTrue(directorates.search("dideco", null, 0, 10).items().stream()
                .anyMatch(d -> d.getId().equals(DIDECO)));
        assertEquals(2, stations.search("caja", null, null, 0, 10).total());
        assertEquals("page.invalid", assertThrows(ConfigException.class,
                () -> services.search(null, null, null, 0, 0)).key());
    }

    @Test
    void theDemoLicenceOfficeInDecember2026() {
        CalendarMonth december = units.month(LICENCES, YearMonth.of(2026, 12));
        assertTrue(december.unitActive());
        assertEquals("2026-12", december.month());
        assertEquals(31, december.days().size());
        CalendarDay inmaculada = december.days().get(7);
        assertEquals(LocalDate.of(2026, 12, 8), inmaculada.date());
        assertFalse(inmaculada.open());
        assertEquals("Inmaculada Concepción", inmaculada.holiday());
        assertEquals("Navidad", december.days().get(24).holiday());
        CalendarDay monday = december.days().get(6);
        assertEquals(List.of(new TimeRange(LocalTime.of(8, 30), LocalTime.of(13, 30)),
                new TimeRange(LocalTime.of(14, 30), LocalTime.of(17, 0))), monday.hours());
        assertEquals(LocalTime.of(16, 0), december.days().get(3).hours().get(1).closes(), "Fridays until 16:00");
        assertFalse(december.days().get(4).open(), "Saturday");
        // 23 weekdays minus the 8th and the 25th
        assertEquals(21, december.days().stream().filter(CalendarDay::open).count());

        UnitCalendar calendar = units.calendar(LICENCES);
        assertEquals(21, calendar.openDays(YearMonth.of(2026, 12)).size());
        assertTrue(calendar.isOpen(LocalDate.of(2026, 12, 7).atTime(8, 30)));
        assertFalse(calendar.isOpen(LocalDate.of(2026, 12, 7).atTime(13, 30)));
        assertTrue(calendar.isOpen(LocalDate.of(2026, 12, 7).atTime(14, 30)));
    }

    @Test
    void theAuditLogListsNewestFirstFiltersAndRecordsOtherDomainsEvents() {
        LocalDate today = LocalDate.now(UnitCalendar.ZONE);
        String userId = UUID.randomUUID().toString();
        // what the auth domain does when it locks an account
        auditEvents.fire(new AuditEvent("BLOQUEAR", "usuarios", userId, "Bloqueo de la cuenta " + tag,
                "{\"locked\":false}", "{\"locked\":true}"));
        Holiday holiday = holidays.create(new HolidayDetails(LocalDate.of(2033, 1, 1).plusDays(
                Math.floorMod(tag.hashCode(), 300)), "Auditoría " + tag, false));

        Page<AuditEntry> users = auditLog.entries("usuarios", null, today, today, 0, 5);
        AuditEntry locked = users.items().get(0);
        assertEquals(userId, locked.getEntityId());
        assertEquals("BLOQUEAR", locked.getAction());
        assertEquals(Json.createObjectBuilder().add("locked", true).build(), locked.getAfter());
        assertNull(locked.getActorRut());

        Page<AuditEntry> latest = auditLog.entries(null, null, null, null, 0, 2);
        assertEquals(holiday.getId().toString(), latest.items().get(0).getEntityId(), "newest first");
        assertEquals(userId, latest.items().get(1).getEntityId());
        assertTrue(latest.total() >= 2);
        assertTrue(auditLog.entries(null, null, today.plusDays(1), null, 0, 5).items().isEmpty());
        assertEquals(0, auditLog.entries(null, "11.111.111-1", null, null, 0, 5).total(),
                "the administrator signed in for none of these");
        assertThrows(InvalidRutException.class, () -> auditLog.entries(null, "12.345.678-9", null, null, 0, 5));
    }

    @Test
    void whatTheBoundariesReturnSerializesToJsonAfterTheirTransaction() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            JsonObject service = json(jsonb.toJson(services.get(FIRST_LICENCE)));
            assertEquals("Departamento de Licencias de Conducir", service.getJsonObject("unit").getString("name"));
            assertEquals("Dirección de Tránsito y Transporte Público",
                    service.getJsonObject("unit").getJsonObject("directorate").getString("name"));
            assertFalse(service.containsKey("version"));

            Unit unit = units.create(new UnitDetails(DIDECO, "Oficina JSON " + tag, null, null, null));
            MunicipalService created = services.create(service(unit.getId(), "Trámite JSON", "J"));
            assertEquals("Dirección de Desarrollo Comunitario (DIDECO)", json(jsonb.toJson(created))
                    .getJsonObject("unit").getJsonObject("directorate").getString("name"));
            JsonObject station = json(jsonb.toJson(stations.create(new StationDetails(unit.getId(), 1, "Módulo 1",
                    List.of(created.getId())))));
            assertEquals(created.getId().toString(), station.getJsonArray("serviceIds").getString(0));

            JsonObject page = json(jsonb.toJson(stations.search(null, LICENCES, null, 0, 2)));
            assertEquals(4, page.getInt("total"));
            JsonArray items = page.getJsonArray("items");
            assertEquals(2, items.size());
            assertFalse(items.getJsonObject(0).getJsonArray("serviceIds").isEmpty());

            JsonObject hours = json(jsonb.toJson(units.openingHours(LICENCES)));
            assertEquals("MONDAY", hours.getJsonArray("ranges").getJsonObject(0).getString("day"));
            JsonObject rules = json(jsonb.toJson(priorityRules.forUnit(LICENCES)));
            assertEquals("1:2", rules.getString("ratio"));
            assertEquals(4, rules.getJsonArray("categories").size());
            JsonObject month = json(jsonb.toJson(units.month(LICENCES, YearMonth.of(2026, 12))));
            assertEquals("Inmaculada Concepción", month.getJsonArray("days").getJsonObject(7).getString("holiday"));
            JsonObject audit = json(jsonb.toJson(auditLog.entries("servicios", null, null, null, 0, 1)));
            assertEquals("J", audit.getJsonArray("items").getJsonObject(0).getJsonObject("after").getString("prefix"));
        }
    }

    @Test
    void validationMessagesSpeakSpanishByDefaultAndEnglishOnRequest() {
        Set<ConstraintViolation<DirectorateDetails>> blank = validator.validate(new DirectorateDetails(" ", null));
        assertEquals(1, blank.size());
        ConstraintViolation<DirectorateDetails> violation = blank.iterator().next();
        assertEquals("{config.name.required}", violation.getMessageTemplate());
        assertEquals("Ingrese un nombre.", ViolationMessages.interpolate(violation, Locale.forLanguageTag("es-CL")));
        assertEquals("Please enter a name.", ViolationMessages.interpolate(violation, Locale.ENGLISH));

        Set<ConstraintViolation<ServiceDetails>> wrong = validator.validate(new ServiceDetails(LICENCES,
                "x".repeat(121), null, "1", null, 0, 30, null, true, 20, 30, 120));
        assertEquals(Set.of("El nombre puede tener hasta 120 caracteres.",
                "El prefijo debe ser una o dos letras, por ejemplo «R» o «LC».",
                "Indique la duración promedio de atención: al menos 1 minuto."),
                wrong.stream().map(v -> ViolationMessages.interpolate(v, Locale.forLanguageTag("es-CL"))).collect(Collectors.toSet()));
    }

    private static ServiceDetails service(UUID unitId, String name, String prefix) {
        return new ServiceDetails(unitId, name, null, prefix, null, 15, 30, null, true, 20, 30, 120);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i].toString());
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
}
