package cl.ventanilla.totem;

import cl.ventanilla.config.boundary.ServiceCatalog;
import cl.ventanilla.config.boundary.ServiceCatalog.UnitServices;
import cl.ventanilla.faces.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The kiosk's start ({@code index.xhtml}): the units it serves, or the services of one unit. A kiosk
 * placed in one office is fixed to its unit with {@code ?unidad=}; a kiosk in a shared hall lets the
 * citizen pick the unit first ({@code ?u=}).
 */
@Named
@RequestScoped
public class KioskStartBacking {

    @Inject
    ServiceCatalog catalog;

    private String fixedUnit;
    private String chosenUnit;
    private List<UnitServices> units;
    private UnitServices unit;

    /** Called by {@code f:viewAction}. */
    public void load() {
        units = catalog.directory().stream().flatMap(d -> d.units().stream()).toList();
        String wanted = fixedUnit != null && !fixedUnit.isBlank() ? fixedUnit : chosenUnit;
        if (wanted != null && !wanted.isBlank()) {
            Optional<UnitServices> found = units.stream()
                    .filter(u -> u.unit().getId().toString().equals(wanted.strip())).findFirst();
            if (found.isEmpty()) {
                Feedback.notFound();
                return;
            }
            unit = found.get();
        } else if (units.size() == 1) {
            unit = units.get(0);
        }
    }

    /** The unit whose services are shown, or {@code null} while the citizen picks one. */
    public UnitServices getUnit() {
        return unit;
    }

    public List<UnitServices> getUnits() {
        return units;
    }

    /** Whether the citizen may go back to the list of units. */
    public boolean isUnitChoice() {
        return unit != null && (fixedUnit == null || fixedUnit.isBlank()) && units.size() > 1;
    }

    public String getFixedUnit() {
        return fixedUnit;
    }

    public void setFixedUnit(String fixedUnit) {
        this.fixedUnit = fixedUnit;
    }

    public String getChosenUnit() {
        return chosenUnit;
    }

    public void setChosenUnit(String chosenUnit) {
        this.chosenUnit = chosenUnit;
    }
}
