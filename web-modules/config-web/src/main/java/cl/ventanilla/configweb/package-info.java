/**
 * The municipal configuration screens at /config/, for administrators: directorates, units with their
 * opening hours, closures and calendar, services, stations, holidays, priority rules and the audit log.
 * One backing bean per view, each calling the config boundary it is named after.
 */
package cl.ventanilla.configweb;
