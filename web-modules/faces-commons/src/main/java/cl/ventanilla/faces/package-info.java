/**
 * What every Faces screen of Ventanilla shares: the layout, styles and messages, the language choice,
 * the error page, and the single sign-on that lets a login at /auth/ count for every screen.
 */
package cl.ventanilla.faces;
