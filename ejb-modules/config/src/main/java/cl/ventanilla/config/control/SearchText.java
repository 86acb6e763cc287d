package cl.ventanilla.config.control;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text search as a person expects it in Spanish: "renovacion" finds "Renovación", "LICENCIA" finds
 * "licencia". The database has no unaccent(), and configuration tables hold at most a few hundred
 * rows, so the comparison is made here, on normalized text.
 */
public final class SearchText {

    /** Alphabetical order as Chileans read it: "Á" next to "A", "Ñ" after "N". */
    public static final Comparator<String> SPANISH_ORDER = Comparator.nullsLast(
            Collator.getInstance(Locale.forLanguageTag("es-CL"))::compare);

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    /** Lower case, without accents or diaeresis, single spaces: "Ñuñoa  Álamos" → "nunoa alamos". */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }

    /** Whether every word of the query appears in one of the texts; a blank query matches everything. */
    public static boolean matches(String query, String... texts) {
        String words = normalize(query);
        if (words.isEmpty()) {
            return true;
        }
        String haystack = Arrays.stream(texts).filter(Objects::nonNull).map(SearchText::normalize)
                .collect(Collectors.joining(" "));
        return Arrays.stream(words.split(" ")).allMatch(haystack::contains);
    }

    /** Whether two names are the same to a person: "Tesorería" and "tesoreria " are. */
    public static boolean sameName(String one, String other) {
        return normalize(one).equals(normalize(other));
    }
}
