package cl.ventanilla.statistics.control;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.config.boundary.ConfigurationReadModel.ServiceView;
import cl.ventanilla.config.boundary.ConfigurationReadModel.StationView;
import cl.ventanilla.queue.boundary.QueueHistory;
import cl.ventanilla.queue.boundary.QueueHistory.HourlyArrivals;
import cl.ventanilla.queue.boundary.QueueHistory.HourlyDesks;
import cl.ventanilla.queue.boundary.QueueHistory.ServiceTime;
import cl.ventanilla.statistics.entity.ErlangC;
import cl.ventanilla.statistics.entity.StaffingAdvice;
import cl.ventanilla.statistics.entity.StaffingAdvice.Hour;
import cl.ventanilla.statistics.entity.StaffingAdvice.OpenDesksSource;
import cl.ventanilla.statistics.entity.StaffingAdvice.ServiceFigures;
import cl.ventanilla.statistics.entity.StaffingAdvice.ServiceNeed;
import cl.ventanilla.statistics.entity.StaffingQuery;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans a day's desks with Erlang C ({@link ErlangC}): per service and hour, the mean arrivals of the same
 * weekday in the weeks before (tickets issued, read through the queue's {@link QueueHistory}), the measured
 * mean desk time of the service in those days (its configured duration when none was finished) and its SLA
 * ({@code servicios.sla_minutos}, through the configuration's read model); beside them, the desks the unit
 * had open that day. Three statements in all, whatever the number of services and hours.
 */
@Dependent
public class StaffingPlanner {

    @Inject
    QueueHistory queue;

    @Inject
    ConfigurationReadModel configuration;

    public StaffingAdvice plan(StaffingQuery query) {
        UUID unit = query.unitId();
        List<LocalDate> history = query.history();
        List<HourlyArrivals> arrivals = queue.arrivals(unit, history);
        int days = (int) arrivals.stream().map(HourlyArrivals::day).distinct().count();

        // per service, per hour: the tickets of the history days
        Map<UUID, Map<Integer, Long>> issued = new HashMap<>();
        for (HourlyArrivals a : arrivals) {
            issued.computeIfAbsent(a.serviceId(), s -> new HashMap<>()).merge(a.hour(), a.tickets(), Long::sum);
        }
        List<ServiceFigures> services = services(unit, issued.keySet(), queue.serviceTimes(unit, history));

        OpenDesksSource source = OpenDesksSource.SESSIONS;
        List<UUID> stations = configuration.stationsOf(unit).stream().map(StationView::id).toList();
        List<HourlyDesks> desks = queue.openDesks(stations, query.date());
        if (desks.isEmpty()) {
            desks = queue.callingDesks(unit, query.date());
            source = desks.isEmpty() ? OpenDesksSource.NONE : OpenDesksSource.CALLS;
        }
        Map<Integer, Double> open = desks.stream().collect(Collectors.toMap(HourlyDesks::hour, HourlyDesks::desks));

        // every hour from the first to the last with arrivals or an open desk, so the chart has no gaps
        TreeSet<Integer> busy = new TreeSet<>(open.keySet());
        issued.values().forEach(h -> busy.addAll(h.keySet()));
        List<Hour> hours = new ArrayList<>();
        if (!busy.isEmpty()) {
            for (int h = busy.first(); h <= busy.last(); h++) {
                hours.add(hour(h, services, issued, days, query.target(), open.getOrDefault(h, 0.0)));
            }
        }
        return new StaffingAdvice(query, history, days, source, services, hours);
    }

    private static Hour hour(int h, List<ServiceFigures> services, Map<UUID, Map<Integer, Long>> issued, int days,
            double target, double open) {
        List<ServiceNeed> needs = new ArrayList<>();
        double arrivals = 0;
        int needed = 0;
        for (ServiceFigures s : services) {
            long tickets = issued.getOrDefault(s.id(), Map.of()).getOrDefault(h, 0L);
            if (tickets == 0) {
                continue;
            }
            double lambda = (double) tickets / days;
            ErlangC.Need need = ErlangC.desks(lambda, s.meanServiceSeconds(), s.slaMinutes() * 60.0, target);
            needs.add(new ServiceNeed(s.id(), round(lambda, 2), round(need.load(), 3), need.desks(),
                    round(need.withinTarget(), 4), need.bounded()));
            arrivals += lambda;
            needed += need.desks();
        }
        double openDesks = round(open, 2);
        return new Hour(h, round(arrivals, 2), needed, openDesks, openDesks + 1e-9 < needed, needs);
    }

    /** The unit's active services and any other with arrivals in the history, by name, with their figures. */
    private List<ServiceFigures> services(UUID unit, Set<UUID> withArrivals, List<ServiceTime> measured) {
        Map<UUID, ServiceTime> times = measured.stream().collect(Collectors.toMap(ServiceTime::serviceId,
                Function.identity()));
        Map<UUID, ServiceView> views = new TreeMap<>();
        for (ServiceView s : configuration.services()) {
            if (unit.equals(s.unitId()) && (s.active() || withArrivals.contains(s.id()))) {
                views.put(s.id(), s);
            }
        }
        List<ServiceFigures> figures = new ArrayList<>();
        for (ServiceView s : views.values()) {
            ServiceTime t = times.get(s.id());
            boolean isMeasured = t != null && t.finished() > 0 && t.meanSeconds() > 0;
            figures.add(new ServiceFigures(s.id(), s.name(), s.slaMinutes(),
                    isMeasured ? round(t.meanSeconds(), 1) : s.averageMinutes() * 60.0, isMeasured,
                    t == null ? 0 : t.finished()));
        }
        figures.sort(Comparator.comparing(ServiceFigures::name, String.CASE_INSENSITIVE_ORDER));
        return figures;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
