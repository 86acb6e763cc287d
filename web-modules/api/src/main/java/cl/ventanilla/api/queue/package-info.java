/**
 * {@code /api/queue/}: the day's queue over HTTP. Kiosks (and administrators) issue tickets; operators,
 * supervisors and administrators work the desks (call next, recall, no-show, start, finish, transfer,
 * park, resume); the unit's snapshot is public, as the lobby screen and the virtual ticket show it, and
 * holds no personal data. Each resource only translates HTTP to a call on a queue boundary.
 */
package cl.ventanilla.api.queue;
