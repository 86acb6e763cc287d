package cl.ventanilla.statistics.entity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The desks a unit needs hour by hour on a day to serve each service within its SLA, beside the desks that
 * were open. {@code history} the days whose arrivals were averaged (the same weekday in the weeks before),
 * {@code daysWithArrivals} how many of them had any ticket (the divisor: a closed day or a holiday does not
 * pull the average down), {@code openDesksFrom} where the open desks come from.
 */
public record StaffingAdvice(StaffingQuery query, List<LocalDate> history, int daysWithArrivals,
        OpenDesksSource openDesksFrom, List<ServiceFigures> services, List<Hour> hours) {

    /** Where the desks open per hour come from. */
    public enum OpenDesksSource {
        /** The desks' sessions less their pauses ({@code sesiones_estacion}, {@code pausas_estacion}). */
        SESSIONS,
        /** No session was recorded that day: the stations that called a ticket in each hour. */
        CALLS,
        /** Nothing was recorded that day (a day to come, or a closed one). */
        NONE
    }

    /**
     * A service's figures for the advice: its SLA, and the mean desk time per ticket, {@code measured} from the
     * {@code finished} tickets of the history days or, without any, the service's configured mean duration.
     */
    public record ServiceFigures(UUID id, String name, int slaMinutes, double meanServiceSeconds, boolean measured,
            long finished) {
    }

    /** One service's need in an hour: mean arrivals (λ), offered load (erlangs) and the desks Erlang C asks for. */
    public record ServiceNeed(UUID serviceId, double arrivals, double load, int desks, double withinSla,
            boolean bounded) {
    }

    /**
     * An hour (local, {@code hour}:00 to {@code hour}:59): the desks needed (the services' needs added: each
     * service's SLA is met by desks of its own, the safe side when desks are shared), the desks open, and
     * whether fewer were open than needed.
     */
    public record Hour(int hour, double arrivals, int needed, double open, boolean understaffed,
            List<ServiceNeed> services) {

        public String label() {
            return String.format("%02d:00", hour);
        }
    }

    /** The most desks needed in any hour. */
    public int peakNeeded() {
        return hours.stream().mapToInt(Hour::needed).max().orElse(0);
    }

    /** The hours with fewer desks open than needed. */
    public long understaffedHours() {
        return hours.stream().filter(Hour::understaffed).count();
    }
}
