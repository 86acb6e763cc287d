/**
 * Email: every message is stored first in the outbox (notificaciones, notificacion_adjuntos) in the
 * transaction of the fact it tells, then sent over SMTP by a worker with retries and backoff, once even
 * with several instances. Observes the appointments' and auth's events; nobody calls it to send.
 */
package cl.ventanilla.notifications;
