/**
 * Statistics: daily aggregates of the queue's tickets per service, station and operator
 * ({@code estadisticas_turnos}), per service ({@code estadisticas}, which also holds the bookings) and per
 * station and operator ({@code estadisticas_estaciones}), written
 * by observers of the queue's and appointments' facts inside the fact's own transaction, one statement per
 * fact; a rebuild of a period from {@code turnos}, {@code turno_eventos} and {@code agendamientos}; summaries per unit, service, station or operator and day, week or month, and their CSV.
 * The rebuild is the one place where this domain reads other domains' tables, as a read model rebuilt from
 * their records; the rules both paths share are SQL functions of the migrations {@code V8__estadisticas.sql} and
 * {@code V9__estadisticas_estaciones.sql}. The staffing advice (Erlang C per service and hour) reads the queue's
 * history through its boundary {@code QueueHistory}.
 */
package cl.ventanilla.statistics;
