package cl.ventanilla.ai.control;

import cl.ventanilla.ai.entity.Prompt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The model behind MicroProfile Fault Tolerance, so a provider that fails or crawls costs a citizen a
 * few seconds once and then nothing: the provider's own limit ({@code GEMINI_TIMEOUT}) ends a slow
 * exchange, {@code @Timeout} is the ceiling over everything else; when half of the last four calls failed
 * the breaker opens and for {@value #BREAKER_DELAY_SECONDS} s nobody waits for the provider; any failure
 * falls back to "no answer", which the assistant turns into its "unavailable" reply with the catalog's
 * matches. The limits can be changed with MicroProfile Fault Tolerance's own configuration, e.g.
 * {@code cl.ventanilla.ai.control.GuardedModel/complete/CircuitBreaker/delay}.
 */
@ApplicationScoped
public class GuardedModel {

    static final long BREAKER_DELAY_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(GuardedModel.class.getName());

    @Inject
    AssistantModel model;

    /** The model's text, or empty when the provider did not answer in time, failed, or the breaker is open. */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS,
            delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
    @Fallback(fallbackMethod = "unanswered")
    public Optional<String> complete(Prompt prompt) {
        return Optional.of(model.complete(prompt));
    }

    /** The fallback: the provider's failure was logged where it happened; an open breaker says nothing. */
    Optional<String> unanswered(Prompt prompt) {
        LOG.fine(() -> "Asistente sin respuesta del modelo " + model.name());
        return Optional.empty();
    }
}
