/**
 * {@code /api/appointments/}: booking over HTTP. Citizens (anonymous) see the bookable services, the
 * calendar and the free slots, get a proof-of-work challenge, book, look up, cancel and move a booking
 * with its code and their RUT; operators, supervisors and administrators list a unit's day and mark
 * no-shows; supervisors and administrators register unexpected closures. Each resource only translates
 * HTTP to a call on an appointments boundary.
 */
package cl.ventanilla.api.appointments;
