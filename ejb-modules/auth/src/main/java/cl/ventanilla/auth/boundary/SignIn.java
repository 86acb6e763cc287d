package cl.ventanilla.auth.boundary;

import cl.ventanilla.auth.control.CredentialCheck;
import cl.ventanilla.auth.entity.AuthException;
import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.entity.SignInRefused;
import cl.ventanilla.kernel.InvalidRutException;
import cl.ventanilla.kernel.Rut;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Signing in with RUT and password, for the login screen and {@code POST /api/auth/login}. Five wrong
 * passwords in a row lock the account for 15 minutes (configurable); an unknown RUT and a wrong
 * password get the same answer.
 */
@Stateless
// The attempt is recorded and committed by CredentialCheck; the refusal is thrown afterwards, outside any
// transaction, so that it cannot roll the failure count back.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignIn {

    @Inject
    CredentialCheck credentials;

    Clock clock = Clock.systemUTC();

    /**
     * @return who signed in, with {@code mustChangePassword} when they must choose a new password first
     * @throws SignInRefused         wrong RUT or password, locked or inactive account
     * @throws InvalidRutException   when the RUT is not a RUT
     * @throws AuthException         when no password was given
     */
    public AuthenticatedUser authenticate(String rut, String password) {
        Rut parsed = Rut.of(rut);
        if (password == null || password.isEmpty()) {
            throw AuthException.invalid("password.required");
        }
        return credentials.check(parsed, password, clock.instant()).userOrThrow();
    }
}
