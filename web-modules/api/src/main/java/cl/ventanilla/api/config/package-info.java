/**
 * {@code /api/config/}: the municipality's structure over HTTP. Public reads (what the portal and the
 * kiosks show: active services and units, opening hours, calendars, holidays) are open; searches that
 * include inactive entries are for administrators and supervisors; every change and the audit log are
 * for administrators. Each resource only translates HTTP to a call on a config boundary.
 */
package cl.ventanilla.api.config;
