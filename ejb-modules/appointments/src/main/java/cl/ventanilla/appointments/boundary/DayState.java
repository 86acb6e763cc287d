package cl.ventanilla.appointments.boundary;

/**
 * How a day looks on the booking calendar: with free slots, fully booked, closed (no opening hours, a
 * holiday or a closure of the unit), or outside what can be booked (past, beyond the service's horizon,
 * or too close for its minimum notice).
 */
public enum DayState {
    AVAILABLE, FULL, CLOSED, OUT_OF_RANGE
}
