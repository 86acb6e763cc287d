package cl.ventanilla.ai.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the services a question is about, by words alone, in a way a person can follow: each word of the
 * question (and the catalog words its synonyms stand for) that appears in a service adds its rarity in the
 * catalog (a word every service mentions, like "cédula", adds almost nothing) times where it appears — in
 * the name 3, the description 2, the unit or directorate 1, the requirements 0.5. A word that shares its
 * first {@value #PREFIX} letters with a catalog word ("edificar", "edificación") counts half. Services
 * under {@link #MINIMUM_SCORE} are not offered.
 */
public final class CatalogRanking {

    static final int PREFIX = 6;
    static final double MINIMUM_SCORE = 2.0;
    private static final double NAME = 3;
    private static final double DESCRIPTION = 2;
    private static final double PLACE = 1;
    private static final double REQUIREMENTS = 0.5;

    private final List<Indexed> entries;
    private final Map<String, Integer> documentFrequency = new HashMap<>();

    /** A service found, its score and the words that found it (for the log and the tests). */
    public record Match(CatalogEntry entry, double score, Set<String> words) {
    }

    private record Indexed(CatalogEntry entry, Set<String> name, Set<String> description, Set<String> place,
            Set<String> requirements, Set<String> all) {
    }

    public CatalogRanking(List<CatalogEntry> catalog) {
        entries = catalog.stream().map(CatalogRanking::index).toList();
        entries.forEach(e -> e.all().forEach(word -> documentFrequency.merge(word, 1, Integer::sum)));
    }

    /** The best services for the question, best first, at most {@code limit}; empty when none is close. */
    public List<Match> rank(String question, int limit) {
        Map<String, Double> terms = Tokens.ofQuestion(question);
        List<Match> matches = new ArrayList<>();
        for (Indexed entry : entries) {
            double score = 0;
            Set<String> found = new TreeSet<>();
            for (Map.Entry<String, Double> term : terms.entrySet()) {
                double here = weight(term.getKey(), entry);
                if (here > 0) {
                    score += here * term.getValue() * rarity(term.getKey());
                    found.add(term.getKey());
                }
            }
            if (score >= MINIMUM_SCORE) {
                matches.add(new Match(entry.entry(), score, Set.copyOf(found)));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(m -> m.entry().name()));
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    private double weight(String word, Indexed entry) {
        double exact = field(word, entry.name(), NAME) + field(word, entry.description(), DESCRIPTION)
                + field(word, entry.place(), PLACE) + field(word, entry.requirements(), REQUIREMENTS);
        if (exact > 0 || word.length() < PREFIX) {
            return exact;
        }
        String prefix = word.substring(0, PREFIX);
        return (prefixed(prefix, entry.name()) * NAME + prefixed(prefix, entry.description()) * DESCRIPTION
                + prefixed(prefix, entry.place()) * PLACE + prefixed(prefix, entry.requirements()) * REQUIREMENTS) / 2;
    }

    private static double field(String word, Set<String> words, double weight) {
        return words.contains(word) ? weight : 0;
    }

    private static int prefixed(String prefix, Set<String> words) {
        return words.stream().anyMatch(w -> w.startsWith(prefix)) ? 1 : 0;
    }

    /** log(1 + N/df): 1.1 for a word in every service, 3.1 for a word in one of 22. */
    private double rarity(String word) {
        int df = documentFrequency.getOrDefault(word, 0);
        if (df == 0) {
            // only a prefix matched: as rare as the rarest catalog word with that prefix
            df = documentFrequency.entrySet().stream()
                    .filter(e -> word.length() >= PREFIX && e.getKey().startsWith(word.substring(0, PREFIX)))
                    .mapToInt(Map.Entry::getValue).min().orElse(entries.size());
        }
        return Math.log(1 + (double) entries.size() / Math.max(1, df));
    }

    private static Indexed index(CatalogEntry entry) {
        Set<String> name = new HashSet<>(Tokens.of(entry.name()));
        Set<String> description = new HashSet<>(Tokens.of(entry.description()));
        Set<String> place = new HashSet<>(Tokens.of(entry.unitName() + " " + entry.directorateName()));
        Set<String> requirements = new HashSet<>(Tokens.of(entry.requirements()));
        Set<String> all = new HashSet<>();
        List.of(name, description, place, requirements).forEach(all::addAll);
        return new Indexed(entry, name, description, place, requirements, all);
    }
}
