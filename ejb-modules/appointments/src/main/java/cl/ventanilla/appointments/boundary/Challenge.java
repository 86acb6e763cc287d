package cl.ventanilla.appointments.boundary;

/**
 * A proof-of-work challenge for the booking form: find a decimal nonce such that
 * SHA-256({@code token + ":" + nonce}) starts with {@code difficulty} zero bits, and send both with the
 * booking. The token is signed, expires, and is accepted once.
 */
public record Challenge(String token, int difficulty) {
}
