package cl.ventanilla.statistics.boundary;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.config.boundary.ConfigurationReadModel.UnitView;
import cl.ventanilla.statistics.control.StaffingPlanner;
import cl.ventanilla.statistics.entity.StaffingAdvice;
import cl.ventanilla.statistics.entity.StaffingQuery;
import cl.ventanilla.statistics.entity.StatisticsException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/**
 * Staffing advice for supervisors: for a unit and a day, the desks needed per hour to serve each service within
 * its SLA (Erlang C on the arrivals of the same weekday in the weeks before and the measured service times),
 * beside the desks that were open. See {@link StaffingPlanner} for the data and {@code ErlangC} for the model.
 */
@Stateless
public class Staffing {

    @Inject
    StaffingPlanner planner;

    @Inject
    ConfigurationReadModel configuration;

    /**
     * The advice for the query's unit and day.
     *
     * @throws StatisticsException INVALID for an unknown unit
     */
    public StaffingAdvice advice(StaffingQuery query) {
        if (!configuration.unitExists(query.unitId())) {
            throw StatisticsException.invalid("unit.unknown", query.unitId());
        }
        return planner.plan(query);
    }

    /** The units to choose from, by name. */
    public List<UnitView> units() {
        return configuration.units().stream().sorted(Comparator.comparing(UnitView::name)).toList();
    }
}
