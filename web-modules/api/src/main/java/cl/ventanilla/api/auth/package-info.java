/**
 * {@code /api/auth/}: login with RUT and password for a signed token, logout, password reset by
 * one-time link, the caller's own account, and the administration of accounts (ADMIN only). Only
 * translates HTTP to the auth domain's boundaries.
 */
package cl.ventanilla.api.auth;
