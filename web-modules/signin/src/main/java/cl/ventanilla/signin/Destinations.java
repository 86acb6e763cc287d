package cl.ventanilla.signin;

import java.util.Collection;

/**
 * Where a person lands after signing in: the page they were sent from, when it is a page of this site,
 * otherwise the home of their main role.
 */
final class Destinations {

    private Destinations() {
    }

    static String after(Collection<?> roles, String next) {
        if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
                && !next.startsWith("/auth")) {
            return next;
        }
        return home(roles.stream().map(Object::toString).toList());
    }

    static String home(Collection<String> roles) {
        if (roles.contains("ADMIN")) {
            return "/config/";
        }
        if (roles.contains("SUPERVISOR") || roles.contains("OPERATOR")) {
            return "/admin/";
        }
        if (roles.contains("KIOSK")) {
            return "/totem/";
        }
        if (roles.contains("DISPLAY")) {
            return "/display.xhtml";
        }
        return "/";
    }
}
