package cl.ventanilla.statistics.entity;

import java.util.UUID;

/**
 * What a summary asks for: the period, how its days are grouped, what the rows are split by, and optionally
 * one unit and one service.
 */
public record SummaryQuery(Period period, Grouping grouping, Dimension dimension, UUID unitId, UUID serviceId) {

    /** From the API's or the screen's text; every malformed part is a clear refusal in the user's language. */
    public static SummaryQuery parse(String from, String to, String grouping, String dimension, String unit,
            String service) {
        Period period = Period.parse(from, to);
        Grouping g = Grouping.named(grouping).orElseThrow(() -> StatisticsException.invalid("grouping.unknown", grouping));
        Dimension d = Dimension.named(dimension)
                .orElseThrow(() -> StatisticsException.invalid("dimension.unknown", dimension));
        return new SummaryQuery(period, g, d, id(unit), id(service));
    }

    private static UUID id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw StatisticsException.invalid("id.malformed", text.strip());
        }
    }
}
