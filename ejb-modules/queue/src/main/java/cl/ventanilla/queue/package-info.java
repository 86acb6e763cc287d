/**
 * The queue of the day: tickets issued at the kiosk, their daily numbering per service, calling them to
 * a station with the unit's routing rules (overdue first, preferential interleaved), the desk's actions
 * on a called ticket, the lobby's snapshot and wait estimates. Owns turnos, contadores_turno and
 * turno_eventos; refers to services, stations and units by id only.
 */
package cl.ventanilla.queue;
