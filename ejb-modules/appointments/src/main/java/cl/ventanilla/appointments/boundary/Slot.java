package cl.ventanilla.appointments.boundary;

import java.time.Instant;
import java.time.LocalTime;

/**
 * One slot of a service: when it starts and ends, its start on the municipality's clock, how many
 * citizens it takes (stations attending the service minus those kept for walk-ins) and how many places
 * are still free.
 */
public record Slot(Instant start, Instant end, LocalTime localStart, int capacity, int free) {
}
