/**
 * The municipality's structure: directorates, their units (offices with opening hours), the services
 * each unit offers, and the stations (desks) that attend them. Every other domain refers to these by id.
 */
package cl.ventanilla.config;
