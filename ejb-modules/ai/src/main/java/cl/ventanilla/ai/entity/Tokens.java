package cl.ventanilla.ai.entity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words as the catalog search compares them: lower case, without accents, Spanish and English stop words
 * left out, plurals reduced to the singular ("licencias" → "licencia", "hogares" → "hogar"), and a few
 * everyday words taken to the catalog's own ("auto" → "vehiculo", "negocio" → "patente comercial").
 * Deliberately simple, so a person can see why a service was found.
 */
public final class Tokens {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            // Spanish
            "a", "al", "algo", "ante", "asi", "cada", "como", "con", "cual", "cuales", "cuando", "cuanto", "de",
            "del", "donde", "debo", "deben", "desde", "el", "ella", "en", "entre", "era", "es", "esa", "ese",
            "eso", "esta", "estan", "este", "esto", "favor", "fue", "ha", "hacer", "hago", "hay", "hola", "la",
            "las", "le", "les", "lo", "los", "me", "mi", "mis", "muy", "necesito", "necesita", "ni", "no", "nos",
            "o", "para", "pero", "por", "porque", "puede", "puedo", "que", "quiero", "quisiera", "se", "ser",
            "si", "sin", "sobre", "su", "sus", "tambien", "tengo", "tiene", "traer", "llevar", "tu", "un", "una",
            "uno", "unos", "unas", "y", "ya", "yo", "gracias", "buenas", "buenos", "dias", "tardes", "requisito",
            "requisitos", "documento", "documentos", "tramite", "tramites", "municipalidad", "municipal",
            // English
            "an", "and", "are", "be", "bring", "can", "do", "does", "for", "get", "have", "how", "i", "in",
            "is", "it", "me", "my", "need", "of", "on", "or", "please", "should", "the", "to", "what", "where",
            "which", "with", "want", "would", "you", "your", "hello", "hi", "thanks", "documents", "requirements"));

    /**
     * Everyday words, Spanish and English, and the catalog words they stand for. Both sides go through
     * {@link #stem}, so plurals need no entry of their own.
     */
    static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("renovar", List.of("renovacion")),
            Map.entry("renuevo", List.of("renovacion")),
            Map.entry("vencida", List.of("renovacion")),
            Map.entry("vencio", List.of("renovacion")),
            Map.entry("manejar", List.of("conducir", "licencia")),
            Map.entry("carnet", List.of("licencia")),
            Map.entry("auto", List.of("vehiculo")),
            Map.entry("carro", List.of("vehiculo")),
            Map.entry("camioneta", List.of("vehiculo")),
            Map.entry("moto", List.of("vehiculo")),
            Map.entry("perdi", List.of("duplicado", "extravio")),
            Map.entry("perdida", List.of("duplicado", "extravio")),
            Map.entry("extravie", List.of("duplicado", "extravio")),
            Map.entry("robaron", List.of("duplicado", "robo")),
            Map.entry("ficha", List.of("registro", "social", "hogar")),
            Map.entry("rsh", List.of("registro", "social", "hogar")),
            Map.entry("puntaje", List.of("registro", "social", "hogar")),
            Map.entry("casa", List.of("edificacion", "obra")),
            Map.entry("construir", List.of("edificacion", "obra")),
            Map.entry("construccion", List.of("edificacion", "obra")),
            Map.entry("ampliar", List.of("ampliacion", "edificacion")),
            Map.entry("negocio", List.of("patente", "comercial")),
            Map.entry("almacen", List.of("patente", "comercial")),
            Map.entry("emprendimiento", List.of("patente", "comercial")),
            Map.entry("tienda", List.of("patente", "comercial")),
            Map.entry("botilleria", List.of("patente", "alcohol")),
            Map.entry("basura", List.of("aseo", "domiciliario")),
            Map.entry("pagar", List.of("pago")),
            Map.entry("repactar", List.of("convenio", "deuda")),
            Map.entry("cuota", List.of("convenio")),
            Map.entry("bono", List.of("subsidio")),
            Map.entry("ayuda", List.of("subsidio", "ayuda")),
            // English
            Map.entry("driver", List.of("licencia", "conducir")),
            Map.entry("driving", List.of("licencia", "conducir")),
            Map.entry("license", List.of("licencia")),
            Map.entry("licence", List.of("licencia")),
            Map.entry("renew", List.of("renovacion")),
            Map.entry("renewal", List.of("renovacion")),
            Map.entry("expired", List.of("renovacion")),
            Map.entry("car", List.of("vehiculo")),
            Map.entry("vehicle", List.of("vehiculo")),
            Map.entry("permit", List.of("permiso")),
            Map.entry("circulation", List.of("circulacion")),
            Map.entry("lost", List.of("duplicado", "extravio")),
            Map.entry("stolen", List.of("duplicado", "robo")),
            Map.entry("business", List.of("patente", "comercial")),
            Map.entry("shop", List.of("patente", "comercial")),
            Map.entry("store", List.of("patente", "comercial")),
            Map.entry("liquor", List.of("alcohol")),
            Map.entry("water", List.of("agua", "potable")),
            Map.entry("build", List.of("edificacion")),
            Map.entry("building", List.of("edificacion")),
            Map.entry("house", List.of("edificacion")),
            Map.entry("garbage", List.of("aseo")),
            Map.entry("trash", List.of("aseo")),
            Map.entry("debt", List.of("deuda", "convenio")),
            Map.entry("pay", List.of("pago")),
            Map.entry("payment", List.of("pago")),
            Map.entry("household", List.of("registro", "social", "hogar")),
            Map.entry("registry", List.of("registro")),
            Map.entry("subsidy", List.of("subsidio")),
            Map.entry("benefit", List.of("subsidio")),
            Map.entry("emergency", List.of("emergencia")),
            Map.entry("first", List.of("primera", "primer")),
            Map.entry("new", List.of("nuevo")),
            Map.entry("certificate", List.of("certificado")),
            Map.entry("number", List.of("numero")));

    private Tokens() {
    }

    /** Lower case, without accents or diaeresis: "Ñuñoa  Álamos" → "nunoa  alamos". */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The words of a catalog text: folded, without stop words, in the singular; repeated as they come. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(fold(text))) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                words.add(stem(word));
            }
        }
        return words;
    }

    /**
     * The words of a question and the catalog words its everyday words stand for, each with its weight:
     * 1 for what the person wrote, {@link #SYNONYM_WEIGHT} for a word added by a synonym.
     */
    public static Map<String, Double> ofQuestion(String question) {
        Map<String, Double> terms = new java.util.LinkedHashMap<>();
        for (String word : NOT_WORD.split(fold(question))) {
            if (word.isEmpty() || STOP_WORDS.contains(word)) {
                continue;
            }
            String stem = stem(word);
            terms.merge(stem, 1.0, Math::max);
            List<String> more = SYNONYMS.getOrDefault(word, SYNONYMS.getOrDefault(stem, List.of()));
            more.forEach(synonym -> terms.merge(stem(synonym), SYNONYM_WEIGHT, Math::max));
        }
        return terms;
    }

    /** How much a word added by a synonym counts against one the person wrote. */
    public static final double SYNONYM_WEIGHT = 0.7;

    /**
     * The singular of a Spanish word, roughly: "permisos" → "permiso", "hogares" → "hogar",
     * "luces" → "luz". Short words are left alone ("mes", "gas").
     */
    static String stem(String word) {
        if (word.length() <= 4 || !word.endsWith("s")) {
            return word;
        }
        if (word.endsWith("ces")) {
            return word.substring(0, word.length() - 3) + "z";
        }
        String singular = word.substring(0, word.length() - 1);
        if (singular.endsWith("e") && singular.length() > 4 && "lrndj".indexOf(singular.charAt(singular.length() - 2)) >= 0) {
            return singular.substring(0, singular.length() - 1);
        }
        return singular;
    }
}
