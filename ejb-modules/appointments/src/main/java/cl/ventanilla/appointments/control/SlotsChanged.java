package cl.ventanilla.appointments.control;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Within the domain: the places of a service's day changed (a booking, cancellation, move, no-show or
 * closure) from one day to another, inclusive. The cached availability of those days is dropped when the transaction ends.
 */
public record SlotsChanged(UUID serviceId, LocalDate from, LocalDate to) {
}
