/**
 * Runs Ventanilla on one machine: installs Payara Server from the Maven distribution, creates and
 * configures the {@code ventanilla} domain (JDBC pool from the environment, driver, JVM options), starts
 * an embedded PostgreSQL when no database is configured, deploys the EAR and waits until it is ready.
 * The same code starts the server for the system tests.
 */
package cl.ventanilla.payara;
