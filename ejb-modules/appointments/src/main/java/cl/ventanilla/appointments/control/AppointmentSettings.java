package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.appointments.entity.BookingRules;
import cl.ventanilla.config.boundary.ConfigurationReadModel;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the appointments need to know of the configuration (services, units, the system parameters),
 * read-only. A service is read from the config domain's {@link ConfigurationReadModel}, in memory; the
 * list of bookable services and the system parameters with SQL in one place; the config domain stays the
 * only writer of those tables.
 */
@Dependent
public class AppointmentSettings {

    @PersistenceContext(unitName = "appointments")
    EntityManager em;

    @Inject
    ConfigurationReadModel configuration;

    /** A service as booking sees it, with its unit and directorate. */
    public record ServiceInfo(UUID id, String name, String description, String requirements, boolean active,
            boolean acceptsBookings, BookingRules rules, int walkInStations, UUID unitId, String unitName,
            String unitAddress, boolean unitActive, UUID directorateId, String directorateName,
            boolean directorateActive) {

        /** Whether citizens may book it now: active, taking bookings, in an active unit and directorate. */
        public boolean bookable() {
            return active && acceptsBookings && unitActive && directorateActive;
        }
    }

    private static final String SERVICE_COLUMNS = """
            SELECT s.id, s.nombre, s.descripcion, s.requisitos, s.activo, s.acepta_agendamiento,
                   s.duracion_bloque_min, s.horizonte_dias, s.anticipacion_minima_min, s.estaciones_reservadas_presencial,
                   u.id, u.nombre, u.direccion_fisica, u.activo, d.id, d.nombre, d.activo
            FROM servicios s JOIN unidades u ON u.id = s.unidad_id JOIN direcciones_municipales d ON d.id = u.direccion_id
            """;

    /** The service, or NOT_FOUND with a message a citizen understands. */
    public ServiceInfo service(UUID serviceId) {
        return findService(serviceId).orElseThrow(() -> AppointmentException.notFound("service.notFound"));
    }

    // from the config domain's read model, in memory: the calendar and booking ask for every request
    public Optional<ServiceInfo> findService(UUID serviceId) {
        return configuration.service(serviceId).flatMap(s -> configuration.unit(s.unitId()).map(u -> new ServiceInfo(
                s.id(), s.name(), s.description(), s.requirements(), s.active(), s.acceptsBookings(),
                new BookingRules(s.slotMinutes(), s.horizonDays(), s.leadMinutes()), s.walkInStations(), u.id(),
                u.name(), u.address(), u.active(), u.directorateId(), u.directorateName(), u.directorateActive())));
    }

    /** A service citizens may book now, or the reason why not. */
    public ServiceInfo bookableService(UUID serviceId) {
        ServiceInfo service = service(serviceId);
        if (!service.bookable()) {
            throw AppointmentException.invalid("service.notBookable", service.name());
        }
        return service;
    }

    /** Every service citizens may book, by directorate, unit and service name. */
    public List<ServiceInfo> bookableServices() {
        List<?> rows = em.createNativeQuery(SERVICE_COLUMNS + """
                 WHERE s.activo AND s.acepta_agendamiento AND u.activo AND d.activo
                 ORDER BY d.nombre, u.nombre, s.nombre""").getResultList();
        return rows.stream().map(r -> service((Object[]) r)).toList();
    }

    /** The services of a unit (active or not), for invalidating their availability. */
    public List<UUID> servicesOf(UUID unitId) {
        return em.createNativeQuery("SELECT id FROM servicios WHERE unidad_id = :unit", UUID.class)
                .setParameter("unit", unitId).getResultList().stream().map(Columns::uuid).toList();
    }

    public boolean unitExists(UUID unitId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM unidades WHERE id = :id")
                .setParameter("id", unitId).getSingleResult()).intValue() > 0;
    }

    /** A whole-number system parameter ({@code parametros_sistema}), or the default when unset or unreadable. */
    public int parameter(String key, int fallback) {
        List<?> rows = em.createNativeQuery("SELECT valor FROM parametros_sistema WHERE clave = :key")
                .setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(rows.get(0).toString().strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public int maxActivePerService() {
        return parameter("agendamiento.max_activos_por_rut_servicio", 1);
    }

    public int maxActive() {
        return parameter("agendamiento.max_activos_por_rut", 3);
    }

    public int noShowsForBlock() {
        return parameter("agendamiento.inasistencias_para_bloqueo", 3);
    }

    public int noShowWindowDays() {
        return parameter("agendamiento.ventana_inasistencias_dias", 90);
    }

    public int blockDays() {
        return parameter("agendamiento.dias_bloqueo", 30);
    }

    public int attemptsPerIpPerHour() {
        return parameter("agendamiento.intentos_por_ip_por_hora", 20);
    }

    public int reminderHoursBefore() {
        return parameter("agendamiento.recordatorio_horas_antes", 24);
    }

    private static ServiceInfo service(Object[] r) {
        return new ServiceInfo(Columns.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4],
                (Boolean) r[5], new BookingRules(Columns.integer(r[6]), Columns.integer(r[7]), Columns.integer(r[8])),
                Columns.integer(r[9]), Columns.uuid(r[10]), (String) r[11], (String) r[12], (Boolean) r[13],
                Columns.uuid(r[14]), (String) r[15], (Boolean) r[16]);
    }
}
