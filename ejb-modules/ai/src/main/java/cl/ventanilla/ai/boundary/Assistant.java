package cl.ventanilla.ai.boundary;

import cl.ventanilla.ai.control.AnswerCache;
import cl.ventanilla.ai.control.AssistantModel;
import cl.ventanilla.ai.control.CatalogSearch;
import cl.ventanilla.ai.control.GuardedModel;
import cl.ventanilla.ai.control.QuestionLimiter;
import cl.ventanilla.ai.entity.AssistantPrompts;
import cl.ventanilla.ai.entity.CatalogEntry;
import cl.ventanilla.ai.entity.CatalogRanking.Match;
import cl.ventanilla.ai.entity.ModelReply;
import cl.ventanilla.ai.entity.Prompt;
import cl.ventanilla.ai.entity.StatisticsSummary;
import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The assistant. A question is answered in two steps: the catalog's services are ranked by the question's
 * words (no model needed), and only the best of them go to the language model, which may choose among them
 * and word a short answer; what it answers is checked ({@link ModelReply}) and the services shown, with
 * their requirements and booking links, always come from the catalog. Without the model (no key, a
 * failure, a timeout, an open breaker) the answer says the assistant is unavailable and still lists the
 * catalog's matches. Also writes a period's statistics in words for supervisors, with the same guards.
 *
 * <p>Runs outside transactions: it writes nothing, and a model call must never hold a database connection.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Assistant {

    /** How many catalog services the model may choose from. */
    static final int CANDIDATES = 5;
    /** How many catalog matches an answer without the model lists. */
    static final int WITHOUT_MODEL = 3;
    private static final String BUNDLE = "cl.ventanilla.ai.Messages";
    private static final Logger LOG = Logger.getLogger(Assistant.class.getName());

    @Inject
    CatalogSearch catalog;

    @Inject
    AssistantModel model;

    @Inject
    GuardedModel guarded;

    @Inject
    AnswerCache cache;

    @Inject
    QuestionLimiter limiter;

    /**
     * Answers a citizen's question from the catalog.
     *
     * @throws cl.ventanilla.ai.entity.AssistantException (429) when the address asked too often this hour
     */
    public AssistantAnswer ask(@NotNull(message = "{ventanilla.ai.question.required}") @Valid Question question) {
        limiter.count(question.clientAddress(), Instant.now(Clock.systemUTC()));
        Locale language = language(question.language());
        List<CatalogEntry> candidates = catalog.search(question.text(), CANDIDATES).stream().map(Match::entry).toList();
        if (candidates.isEmpty()) {
            return model.configured()
                    ? new AssistantAnswer(text("answer.nothingFound", language), List.of(), true)
                    : new AssistantAnswer(text("answer.unavailableNothingFound", language), List.of(), false);
        }
        if (!model.configured()) {
            return withoutModel(candidates, language);
        }
        Prompt prompt = AssistantPrompts.citizen(question.text(), candidates, language);
        String key = AnswerCache.key(prompt.userText(), language, model.name(), candidates);
        Optional<String> cached = cache.find(key);
        Optional<String> raw = cached.isPresent() ? cached : guarded.complete(prompt);
        List<UUID> allowed = candidates.stream().map(CatalogEntry::id).toList();
        Optional<ModelReply> reply = raw.flatMap(text -> ModelReply.parse(text, allowed));
        if (reply.isEmpty()) {
            if (raw.isPresent()) {
                LOG.warning(() -> "El modelo " + model.name() + " respondió algo que no es la respuesta pedida.");
            }
            return withoutModel(candidates, language);
        }
        if (cached.isEmpty()) {
            cache.keep(key, raw.get());
        }
        List<UUID> chosen = reply.get().serviceIds();
        if (chosen.isEmpty()) {
            return new AssistantAnswer(text("answer.nothingFound", language), List.of(), true);
        }
        List<SuggestedService> services = chosen.stream()
                .map(id -> candidates.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow())
                .map(entry -> suggested(entry, language)).toList();
        return new AssistantAnswer(reply.get().text().orElseGet(() -> text("answer.neutral", language)), services, true);
    }

    /**
     * A period's figures in a few Spanish sentences for a supervisor (the statistics screen shows it beside
     * its table); when the model gives none, a sentence that says so.
     */
    public WrittenSummary summarize(@NotNull(message = "{ventanilla.ai.summary.required}") StatisticsSummary figures) {
        Locale spanish = DomainException.DEFAULT_LOCALE;
        if (!model.configured()) {
            return new WrittenSummary(text("summary.unavailable", spanish), false);
        }
        return guarded.complete(AssistantPrompts.summary(figures)).flatMap(ModelReply::summary)
                .map(text -> new WrittenSummary(text, true))
                .orElseGet(() -> new WrittenSummary(text("summary.unavailable", spanish), false));
    }

    private AssistantAnswer withoutModel(List<CatalogEntry> candidates, Locale language) {
        return new AssistantAnswer(text("answer.unavailable", language),
                candidates.stream().limit(WITHOUT_MODEL).map(entry -> suggested(entry, language)).toList(), false);
    }

    private static SuggestedService suggested(CatalogEntry entry, Locale language) {
        String booking = entry.bookable()
                ? "/reservar.xhtml?servicio=" + entry.id() + ("en".equals(language.getLanguage()) ? "&lang=en" : "")
                : null;
        return new SuggestedService(entry.id(), entry.name(), entry.unitId(), entry.unitName(), entry.requirements(), booking);
    }

    private static Locale language(Locale asked) {
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : DomainException.DEFAULT_LOCALE;
    }

    private static String text(String key, Locale language) {
        ResourceBundle messages = ResourceBundle.getBundle(BUNDLE, language, Assistant.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return messages.getString(key);
    }
}
