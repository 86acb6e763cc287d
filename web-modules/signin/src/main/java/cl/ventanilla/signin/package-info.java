/**
 * The login at /auth/: sign in with RUT and password, sign out everywhere, and the password-reset
 * pages. The session it opens is a signed cookie every screen accepts (single sign-on).
 */
package cl.ventanilla.signin;
