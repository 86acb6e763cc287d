package cl.ventanilla.appointments.boundary;

import java.time.LocalDate;

/** One day of a service's booking calendar and how many of its slots can still be booked. */
public record BookableDay(LocalDate date, DayState state, int freeSlots) {
}
