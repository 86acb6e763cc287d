/** {@code /api/backups/}: the backups for administrators (list, run now, progress, download, schedules). */
package cl.ventanilla.api.backup;
