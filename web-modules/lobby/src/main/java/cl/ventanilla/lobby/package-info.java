/**
 * The public portal at {@code /}: what the municipality offers, and later booking, the virtual ticket
 * and the waiting-room display. Backing beans hold no rules; they call the domains' boundaries.
 */
package cl.ventanilla.lobby;
