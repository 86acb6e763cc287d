package cl.ventanilla.kernel;

import jakarta.ejb.ApplicationException;

/** A RUT that is missing, malformed, or whose check digit does not match. */
@ApplicationException(rollback = true)
public class InvalidRutException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidRutException(String key, String text) {
        super("cl.ventanilla.kernel.Messages", key, text == null ? "" : text);
    }
}
