package cl.ventanilla.queue.control;

import cl.ventanilla.kernel.staff.StaffUnits;
import cl.ventanilla.queue.entity.QueueException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/** The desk's refusal when a staff caller acts at a unit they do not work at (the rule: {@link StaffUnits}). */
@Dependent
public class StaffScope {

    @Inject
    StaffUnits units;

    /** Whether the staff caller may act at (and so see) the unit. */
    public boolean mayActAt(UUID unitId) {
        return units.mayActAt(unitId);
    }

    /** @throws QueueException FORBIDDEN when an operator does not work at the unit */
    public void ensureWorksAt(UUID unitId) {
        if (!units.mayActAt(unitId)) {
            throw QueueException.forbidden("unit.notYours");
        }
    }
}
