/**
 * Backups: the database ({@code pg_dump}, verified by restoring it into a scratch database) and the
 * configuration archives, on EJB timers, once per schedule across the cluster; retention cleanup; the
 * list of backups for administrators and the figures for monitoring. Owns the table {@code respaldos}.
 * Manual restore is the operators' job, with the scripts of {@code scripts/}.
 */
package cl.ventanilla.backup;
