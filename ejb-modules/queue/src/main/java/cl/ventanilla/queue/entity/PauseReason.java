package cl.ventanilla.queue.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a station pauses: one of a short list, or "other" with the operator's own words. Stored in
 * {@code sesiones_estacion.motivo_pausa} and {@code pausas_estacion.motivo} as the kind's Spanish code,
 * or as the free text itself for {@link Kind#OTHER}.
 */
public record PauseReason(Kind kind, String detail) {

    /** The longest free text, the width of the columns. */
    public static final int DETAIL_LENGTH = 200;

    /** The reasons an operator chooses from; {@link #code()} is what is stored. */
    public enum Kind {
        LUNCH("ALMUERZO"), INTERNAL_TASK("TRAMITE_INTERNO"), SHORT_BREAK("PAUSA_BREVE"), OTHER("OTRO");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** By its English name or its Spanish code, in any case; empty for anything else. */
        public static Optional<Kind> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String wanted = text.strip().toUpperCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.name().equals(wanted) || k.code.equals(wanted)).findFirst();
        }
    }

    public PauseReason {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null || detail.isBlank() ? null : detail.strip();
        if (kind == Kind.OTHER && detail == null) {
            throw QueueException.invalid("pause.detailRequired");
        }
        if (detail != null && detail.length() > DETAIL_LENGTH) {
            throw QueueException.invalid("pause.detailTooLong", DETAIL_LENGTH);
        }
        if (kind != Kind.OTHER) {
            detail = null;
        }
    }

    /**
     * The reason an operator or a client gave.
     *
     * @throws QueueException INVALID for an unknown kind, "other" without words, or too many words
     */
    public static PauseReason of(String kind, String detail) {
        return new PauseReason(Kind.parse(kind).orElseThrow(() -> QueueException.invalid("pause.reasonUnknown",
                kind == null ? "" : kind)), detail);
    }

    /** As read back from the database. */
    public static PauseReason ofStored(String stored) {
        return Arrays.stream(Kind.values()).filter(k -> k != Kind.OTHER && k.code.equals(stored)).findFirst()
                .map(k -> new PauseReason(k, null)).orElseGet(() -> new PauseReason(Kind.OTHER, stored));
    }

    /** What the columns hold. */
    public String stored() {
        return kind == Kind.OTHER ? detail : kind.code;
    }
}
