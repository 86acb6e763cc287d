package cl.ventanilla.config.boundary;

import cl.ventanilla.config.control.AuditTrail;
import cl.ventanilla.config.control.SearchText;
import cl.ventanilla.config.entity.ConfigException;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.config.entity.Station;
import cl.ventanilla.config.entity.Unit;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The desks of each unit and the services each one attends. A station attends only services of its
 * own unit; its number and name are unique within the unit. Deactivated, never deleted.
 */
@Stateless
public class Stations {

    private static final Comparator<Station> ORDER = Comparator
            .comparing((Station s) -> s.getUnit().getDirectorate().getName(), SearchText.SPANISH_ORDER)
            .thenComparing(s -> s.getUnit().getName(), SearchText.SPANISH_ORDER)
            .thenComparingInt(Station::getNumber);

    @PersistenceContext(unitName = "config")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /**
     * Stations whose name, number or unit contains every word of {@code text} (ignoring case and
     * accents), by unit and number, with the services they attend.
     */
    public Page<Station> search(String text, UUID unitId, Boolean active, int page, int size) {
        Page.check(page, size);
        List<Station> found = stations(unitId, active).stream()
                .filter(s -> SearchText.matches(text, s.getName(), String.valueOf(s.getNumber()),
                        s.getUnit().getName()))
                .toList();
        Page<Station> result = Page.of(found, page, size);
        withServices(result.items());
        return result;
    }

    /** The active stations of a unit, by number, as the desk and lobby screens list them. */
    public List<Station> active(UUID unitId) {
        List<Station> stations = stations(unitId, true);
        withServices(stations);
        return stations;
    }

    /** The station with its unit, directorate and services loaded. */
    public Optional<Station> find(UUID id) {
        return em.createQuery("""
                SELECT s FROM Station s JOIN FETCH s.unit u JOIN FETCH u.directorate LEFT JOIN FETCH s.services
                WHERE s.id = :id""", Station.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public Station get(UUID id) {
        return find(id).orElseThrow(() -> ConfigException.notFound("station.notFound", id));
    }

    public Station create(@NotNull @Valid StationDetails details) {
        Unit unit = activeUnit(details.unitId());
        refuseDuplicates(unit, details, null);
        Station station = new Station(unit, details.number(), details.name());
        station.attendOnly(services(details.serviceIds()));
        em.persist(station);
        audit.created(station);
        return station;
    }

    /** Changes the station's number, name and the services it attends. */
    public Station update(UUID id, @NotNull @Valid StationDetails details) {
        Station station = get(id);
        if (!station.getUnit().getId().equals(details.unitId())) {
            throw ConfigException.invalid("station.unitFixed", station.getName(), station.getUnit().getName());
        }
        refuseDuplicates(station.getUnit(), details, id);
        Set<MunicipalService> services = services(details.serviceIds());
        JsonObject before = station.snapshot();
        station.renumber(details.number());
        station.rename(details.name());
        station.attendOnly(services);
        audit.changed(station, before);
        return station;
    }

    public Station deactivate(UUID id) {
        Station station = get(id);
        JsonObject before = station.snapshot();
        station.deactivate();
        audit.deactivated(station, before);
        return station;
    }

    public Station activate(UUID id) {
        Station station = get(id);
        JsonObject before = station.snapshot();
        station.activate();
        audit.activated(station, before);
        return station;
    }

    private List<Station> stations(UUID unitId, Boolean active) {
        return em.createQuery("SELECT s FROM Station s JOIN FETCH s.unit u JOIN FETCH u.directorate", Station.class)
                .getResultStream()
                .filter(s -> unitId == null || s.getUnit().getId().equals(unitId))
                .filter(s -> active == null || s.isActive() == active)
                .sorted(ORDER).toList();
    }

    // One query for the services of a whole page, instead of one per station.
    private void withServices(List<Station> stations) {
        if (!stations.isEmpty()) {
            em.createQuery("SELECT DISTINCT s FROM Station s LEFT JOIN FETCH s.services WHERE s IN :stations",
                    Station.class).setParameter("stations", stations).getResultList();
        }
    }

    private Set<MunicipalService> services(List<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        List<MunicipalService> found = em.createQuery(
                "SELECT s FROM MunicipalService s JOIN FETCH s.unit u JOIN FETCH u.directorate WHERE s.id IN :ids",
                MunicipalService.class).setParameter("ids", wanted).getResultList();
        wanted.stream().filter(id -> found.stream().noneMatch(s -> s.getId().equals(id))).findFirst()
                .ifPresent(missing -> {
                    throw ConfigException.notFound("service.notFound", missing);
                });
        return new LinkedHashSet<>(found);
    }

    private Unit activeUnit(UUID unitId) {
        Unit unit = em.createQuery("SELECT u FROM Unit u JOIN FETCH u.directorate WHERE u.id = :id", Unit.class)
                .setParameter("id", unitId).getResultStream().findFirst()
                .orElseThrow(() -> ConfigException.notFound("unit.notFound", unitId));
        if (!unit.isActive()) {
            throw ConfigException.invalid("station.unitInactive", unit.getName());
        }
        return unit;
    }

    // Checked before the entity changes, so the query does not flush a duplicate into the unique constraint.
    private void refuseDuplicates(Unit unit, StationDetails details, UUID except) {
        List<Station> siblings = em.createQuery("SELECT s FROM Station s WHERE s.unit = :unit", Station.class)
                .setParameter("unit", unit).getResultStream()
                .filter(other -> !other.getId().equals(except)).toList();
        siblings.stream().filter(other -> other.getNumber() == details.number()).findFirst().ifPresent(other -> {
            throw ConfigException.conflict("station.duplicateNumber", details.number(), other.getName(), unit.getName());
        });
        if (siblings.stream().anyMatch(other -> SearchText.sameName(other.getName(), details.name()))) {
            throw ConfigException.conflict("station.duplicateName", details.name().strip(), unit.getName());
        }
    }
}
