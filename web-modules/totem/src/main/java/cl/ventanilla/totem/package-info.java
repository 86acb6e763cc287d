/**
 * The kiosk (tótem) at /totem/: a citizen picks a service, declares preferential attention if it applies,
 * and takes a printed ticket whose QR code opens the virtual ticket. Runs under a KIOSK device account on
 * a touch screen: large type, no keyboard, back to the start by itself.
 */
package cl.ventanilla.totem;
