package cl.ventanilla.statistics.entity;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a summary: a period (its first and last day) and, unless the summary is a total, one unit,
 * service, station or operator ({@code key}, {@code name}). Times in seconds; means and percentiles are null
 * without attentions; {@code abandoned} is null when split by station or operator (a ticket waits for a
 * service, not for a station). Booking counts are null where bookings have no such split.
 */
public record SummaryRow(LocalDate from, LocalDate to, UUID key, String name,
        long issued, long issuedPreferential, long issuedAppointment,
        long served, long servedPreferential, long servedAppointment, long servedWithinSla,
        long noShows, long transferredOut, long transferredIn, Long abandoned,
        Integer meanWait, Integer p50Wait, Integer p90Wait, Integer maxWait,
        Integer meanService, Integer p50Service, Integer p90Service,
        Integer meanWaitPreferential, Integer p90WaitPreferential, Integer meanWaitNormal, Integer p90WaitNormal,
        Integer meanWaitAppointment, Integer meanWaitWalkIn,
        Double shareWithinSla,
        Long booked, Long kept, Long bookingNoShows, Long cancelled) {

    public long issuedWalkIn() {
        return issued - issuedAppointment;
    }
}
