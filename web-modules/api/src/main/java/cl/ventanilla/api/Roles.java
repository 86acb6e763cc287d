package cl.ventanilla.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource method (on the method, or on its class for all of them), enforced
 * by {@link SecuredByDefault} from the caller's verified token: 401 without a token, 403 outside the
 * roles. It means what {@code @RolesAllowed} means; it is our own because Payara installs its
 * MicroProfile JWT filter on every method that carries {@code @RolesAllowed} or {@code @PermitAll} (in
 * Ventanilla's EAR, {@code payara-web.xml}'s {@code jaxrs-roles-allowed-enabled=false} did not switch it
 * off), and that filter asks Soteria for the caller, which loads absent classes by name on every request:
 * a tenth of a desk request's CPU (issue 11).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {

    /** The token groups let in: {@code ADMIN}, {@code SUPERVISOR}, {@code OPERATOR}, {@code KIOSK}, {@code DISPLAY}. */
    String[] value();
}
