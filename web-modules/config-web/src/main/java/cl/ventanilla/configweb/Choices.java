package cl.ventanilla.configweb;

import cl.ventanilla.config.boundary.Directorates;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.boundary.Services;
import cl.ventanilla.config.boundary.Units;
import cl.ventanilla.config.entity.Directorate;
import cl.ventanilla.config.entity.Unit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The choices of the select menus and checkbox groups several views share: directorates, units and a
 * unit's services, inactive ones marked (the boundary refuses them where they are not allowed, and an
 * item that already belongs to one must still show it). Not a view's backing bean: each view's own bean
 * still calls only its boundary.
 */
@Named
@RequestScoped
public class Choices {

    @Inject
    Directorates directorates;

    @Inject
    Units units;

    @Inject
    Services services;

    private List<Option> directorateOptions;
    private List<Option> unitOptions;
    private final Map<UUID, List<Option>> serviceOptions = new HashMap<>();

    /** Every directorate, alphabetically. */
    public List<Option> getDirectorates() {
        if (directorateOptions == null) {
            directorateOptions = all(page -> directorates.search(null, null, page, Page.MAX_SIZE)).stream()
                    .map(d -> new Option(d.getId(), marked(d.getName(), d.isActive()))).toList();
        }
        return directorateOptions;
    }

    /** Every unit, by directorate and name, as "Unit · Directorate". */
    public List<Option> getUnits() {
        if (unitOptions == null) {
            unitOptions = all(page -> units.search(null, null, null, page, Page.MAX_SIZE)).stream()
                    .map(this::option).toList();
        }
        return unitOptions;
    }

    /** The services of one unit, as "prefix · name"; none while no unit is chosen. */
    public List<Option> servicesOf(UUID unitId) {
        if (unitId == null) {
            return List.of();
        }
        return serviceOptions.computeIfAbsent(unitId, id ->
                all(page -> services.search(null, id, null, page, Page.MAX_SIZE)).stream()
                        .map(s -> new Option(s.getId(), marked(s.getPrefix() + " · " + s.getName(), s.isActive())))
                        .toList());
    }

    /** The unit's label as the menus show it, or nothing for an unknown id. */
    public String unitLabel(UUID unitId) {
        return getUnits().stream().filter(o -> Objects.equals(o.id(), unitId)).map(Option::label).findFirst()
                .orElse("");
    }

    private Option option(Unit unit) {
        Directorate directorate = unit.getDirectorate();
        return new Option(unit.getId(), marked(unit.getName() + " · " + directorate.getName(), unit.isActive()));
    }

    private static String marked(String label, boolean active) {
        if (active) {
            return label;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return label + " " + faces.getApplication().getResourceBundle(faces, "msg").getString("status.inactiveMark");
    }

    // The boundaries page their searches; a menu needs every item.
    private static <T> List<T> all(IntFunction<Page<T>> search) {
        List<T> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<T> found = search.apply(page);
            items.addAll(found.items());
            if ((long) (page + 1) * found.size() >= found.total()) {
                return items;
            }
        }
    }
}
