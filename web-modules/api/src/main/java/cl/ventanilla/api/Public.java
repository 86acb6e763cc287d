package cl.ventanilla.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Anybody may call the resource method, with a token or without: what {@code @PermitAll} means, ours for
 * the reason {@link Roles} gives. A method's {@code @Public} overrides its class's {@link Roles}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {
}
