/**
 * The staff console at /admin/: its home, and the users screens for administrators. The desk, the
 * supervisor's live view and statistics join it with the queue and statistics issues.
 */
package cl.ventanilla.admin;
