/**
 * The REST API of Ventanilla, served at /api/ with the original gateway's routes (/api/config/,
 * /api/auth/, /api/queue/ …): JSON in and out, errors as problem details in the caller's language.
 * Resources only translate HTTP to calls on the domains' boundaries.
 */
package cl.ventanilla.api;
