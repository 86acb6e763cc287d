/**
 * Appointments: slots from opening hours and station capacity, public booking by RUT with caps and abuse
 * protection, changes by code + RUT, the staff's day list, closures and reminders. Owns agendamientos,
 * bloqueos_ciudadanos, desafios_usados and intentos_agendamiento_ip (and its row of secretos_sistema);
 * reads units, services, stations, opening hours, holidays and closures by id, and adds closures of its
 * own when staff cancel a range of days. Tells other domains what happened through the CDI events in
 * {@code entity} and never calls them.
 */
package cl.ventanilla.appointments;
