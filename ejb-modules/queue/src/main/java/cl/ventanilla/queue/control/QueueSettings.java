package cl.ventanilla.queue.control;

import cl.ventanilla.queue.entity.CheckInWindow;
import cl.ventanilla.queue.entity.QueueException;
import cl.ventanilla.queue.entity.QueueRules;
import cl.ventanilla.queue.entity.Station;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the queue needs to know of the configuration (services, stations, the unit's rules), read-only.
 * The queue module is not compiled against the config module, so it reads the few columns it needs
 * with SQL in one place; the config domain stays the only writer of those tables.
 */
@Dependent
public class QueueSettings {

    @PersistenceContext(unitName = "queue")
    EntityManager em;

    /**
     * A service as the kiosk issues for it; {@code walkInQuota} is how many walk-in tickets it gives a
     * day ({@code cupo_diario_presencial}), {@code null} for no limit.
     */
    public record ServiceInfo(UUID id, UUID unitId, String name, String prefix, boolean active,
            int averageMinutes, Integer walkInQuota) {
    }

    public ServiceInfo service(UUID serviceId) {
        return findService(serviceId).orElseThrow(() -> QueueException.notFound("service.notFound", serviceId));
    }

    public Optional<ServiceInfo> findService(UUID serviceId) {
        List<?> rows = em.createNativeQuery("""
                SELECT id, unidad_id, nombre, prefijo, activo, duracion_promedio_min, cupo_diario_presencial
                FROM servicios WHERE id = :id""")
                .setParameter("id", serviceId).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(QueueSettings::service);
    }

    /** The active services of a unit, by prefix. */
    public List<ServiceInfo> servicesOf(UUID unitId) {
        List<?> rows = em.createNativeQuery("""
                SELECT id, unidad_id, nombre, prefijo, activo, duracion_promedio_min, cupo_diario_presencial
                FROM servicios WHERE unidad_id = :unit AND activo ORDER BY prefijo""")
                .setParameter("unit", unitId).getResultList();
        return rows.stream().map(r -> service((Object[]) r)).toList();
    }

    private static ServiceInfo service(Object[] r) {
        return new ServiceInfo((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (Boolean) r[4],
                ((Number) r[5]).intValue(), r[6] == null ? null : ((Number) r[6]).intValue());
    }

    public boolean unitExists(UUID unitId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM unidades WHERE id = :id")
                .setParameter("id", unitId).getSingleResult()).intValue() > 0;
    }

    public Station station(UUID stationId) {
        List<?> rows = em.createNativeQuery("SELECT id, unidad_id, nombre, numero, activo FROM estaciones WHERE id = :id")
                .setParameter("id", stationId).getResultList();
        if (rows.isEmpty()) {
            throw QueueException.notFound("station.notFound", stationId);
        }
        Object[] r = (Object[]) rows.get(0);
        List<UUID> services = em.createNativeQuery("""
                SELECT es.servicio_id FROM estacion_servicios es JOIN servicios s ON s.id = es.servicio_id
                WHERE es.estacion_id = :id AND s.activo ORDER BY s.prefijo""", UUID.class)
                .setParameter("id", stationId).getResultList().stream().map(UUID.class::cast).toList();
        return new Station((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).intValue(), (Boolean) r[4], services);
    }

    /** The unit's rules, or the schema's defaults when it has none. */
    public QueueRules rules(UUID unitId) {
        List<?> rows = em.createNativeQuery("""
                SELECT proporcion_preferencial, proporcion_normal, espera_maxima_min, max_rellamados
                FROM reglas_prioridad WHERE unidad_id = :unit""")
                .setParameter("unit", unitId).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst()
                .map(r -> new QueueRules(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                        Duration.ofMinutes(((Number) r[2]).intValue()), ((Number) r[3]).intValue()))
                .orElse(QueueRules.DEFAULT);
    }

    /** When the unit's citizens with an appointment may check in, or the schema's defaults. */
    public CheckInWindow checkInWindow(UUID unitId) {
        List<?> rows = em.createNativeQuery("""
                SELECT checkin_anticipacion_min, checkin_tolerancia_min FROM reglas_prioridad WHERE unidad_id = :unit""")
                .setParameter("unit", unitId).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst()
                .map(r -> new CheckInWindow(Duration.ofMinutes(((Number) r[0]).intValue()),
                        Duration.ofMinutes(((Number) r[1]).intValue())))
                .orElse(CheckInWindow.DEFAULT);
    }

    /** The id of an active preferential category the unit's rules enable, by its code (PERSONA_MAYOR…). */
    public UUID preferentialCategory(UUID unitId, String code) {
        List<?> rows = em.createNativeQuery("""
                SELECT c.id FROM categorias_preferenciales c
                JOIN reglas_prioridad_categorias rc ON rc.categoria_id = c.id
                JOIN reglas_prioridad r ON r.id = rc.regla_id
                WHERE r.unidad_id = :unit AND c.codigo = :code AND c.activo""", UUID.class)
                .setParameter("unit", unitId).setParameter("code", code).getResultList();
        if (rows.isEmpty()) {
            throw QueueException.invalid("category.unknown", code);
        }
        return (UUID) rows.get(0);
    }

    /** How many active stations attend a service: the servers of the wait estimate. */
    public int stationsAttending(UUID serviceId) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM estacion_servicios es JOIN estaciones e ON e.id = es.estacion_id
                WHERE es.servicio_id = :service AND e.activo""")
                .setParameter("service", serviceId).getSingleResult()).intValue();
    }
}
