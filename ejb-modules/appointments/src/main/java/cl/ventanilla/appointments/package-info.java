/**
 * Appointments: slots from opening hours and station capacity, public booking by RUT with caps and abuse
 * protection, changes by code + RUT, the staff's day list, closures and reminders. Owns agendamientos and
 * bloqueos_ciudadanos; reads units, services, stations, opening hours, holidays and closures by id. Tells
 * other domains what happened through the CDI events in {@code entity} and never calls them.
 */
package cl.ventanilla.appointments;
