package cl.ventanilla.kernel;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Locale;

/**
 * A Bean Validation message in the reader's language. The validator writes its messages in the server's
 * default language; the REST API and the screens write them again, from the same template, in the
 * language of the request (Spanish by default, English available).
 */
public final class ViolationMessages {

    private static volatile MessageInterpolator interpolator;

    private ViolationMessages() {
    }

    /** The violation's message in that language, or the validator's own when it cannot be written again. */
    public static String in(ConstraintViolation<?> violation, Locale locale) {
        try {
            return interpolate(violation, locale);
        } catch (RuntimeException e) {
            return violation.getMessage();
        }
    }

    /** The violation's message in that language; a template that cannot be interpolated throws. */
    public static String interpolate(ConstraintViolation<?> violation, Locale locale) {
        return interpolator().interpolate(violation.getMessageTemplate(), new MessageInterpolator.Context() {
            @Override
            public ConstraintDescriptor<?> getConstraintDescriptor() {
                return violation.getConstraintDescriptor();
            }

            @Override
            public Object getValidatedValue() {
                return violation.getInvalidValue();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new ValidationException("Not supported: " + type);
            }
        }, locale);
    }

    private static MessageInterpolator interpolator() {
        if (interpolator == null) {
            interpolator = Validation.buildDefaultValidatorFactory().getMessageInterpolator();
        }
        return interpolator;
    }
}
