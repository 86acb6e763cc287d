/**
 * {@code /api/notifications/}: the email outbox for administrators: the mails with their state, attempts
 * and last error, how many are in each state, and the retry of a mail that ran out of attempts. Mail is
 * never sent through the API: the outbox fills itself from the other domains' events.
 */
package cl.ventanilla.api.notifications;
