/**
 * Who may do what: staff and device accounts (usuarios) with their roles and units, password hashing,
 * lockout after repeated failures, one-time password-reset tokens, and the signed tokens (JWT) the REST
 * API and the screens accept.
 */
package cl.ventanilla.auth;
