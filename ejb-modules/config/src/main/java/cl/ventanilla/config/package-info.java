/**
 * The municipality's structure: directorates, their units (offices with weekly opening hours and
 * closures), the services each unit offers, the stations (desks) that attend them, the national
 * holidays, each unit's preferential-attention rules, and the audit log every configuration or account
 * change is written to. Every other domain refers to these by id; nothing referred to is ever deleted.
 */
package cl.ventanilla.config;
