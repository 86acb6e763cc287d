package cl.ventanilla.config.boundary;

import cl.ventanilla.config.entity.Directorate;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.config.entity.Unit;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the municipality offers to citizens: the active services, with their unit and directorate,
 * in the order a citizen reads them (directorate, unit, service, alphabetically in Spanish).
 */
@Stateless
public class ServiceCatalog {

    private static final Collator SPANISH = Collator.getInstance(Locale.forLanguageTag("es-CL"));
    private static final Comparator<MunicipalService> SPANISH_ORDER = Comparator
            .comparing((MunicipalService s) -> s.getUnit().getDirectorate().getName(), SPANISH)
            .thenComparing(s -> s.getUnit().getName(), SPANISH)
            .thenComparing(MunicipalService::getName, SPANISH);

    @PersistenceContext(unitName = "config")
    EntityManager em;

    /** Every active service of an active unit and directorate, with both loaded. */
    public List<MunicipalService> activeServices() {
        List<MunicipalService> services = new ArrayList<>(em.createQuery("""
                SELECT s FROM MunicipalService s
                JOIN FETCH s.unit u
                JOIN FETCH u.directorate d
                WHERE s.active = true AND u.active = true AND d.active = true
                ORDER BY d.name, u.name, s.name""", MunicipalService.class)
                .getResultList());
        // The database's collation may not be Spanish; citizens expect "Á" next to "A", not after "Z".
        services.sort(SPANISH_ORDER);
        return services;
    }

    /** The active services grouped by directorate and unit, for the public portal. */
    public List<DirectorateServices> directory() {
        Map<Directorate, Map<Unit, List<MunicipalService>>> grouped = new LinkedHashMap<>();
        for (MunicipalService service : activeServices()) {
            Unit unit = service.getUnit();
            grouped.computeIfAbsent(unit.getDirectorate(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(unit, u -> new ArrayList<>())
                    .add(service);
        }
        List<DirectorateServices> directory = new ArrayList<>();
        grouped.forEach((directorate, units) -> {
            List<UnitServices> unitServices = new ArrayList<>();
            units.forEach((unit, services) -> unitServices.add(new UnitServices(unit, List.copyOf(services))));
            directory.add(new DirectorateServices(directorate, List.copyOf(unitServices)));
        });
        return directory;
    }

    /** A directorate and its units that offer at least one active service. */
    public record DirectorateServices(Directorate directorate, List<UnitServices> units) {
    }

    /** A unit and its active services. */
    public record UnitServices(Unit unit, List<MunicipalService> services) {
    }
}
