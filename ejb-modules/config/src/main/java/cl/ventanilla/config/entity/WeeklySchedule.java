package cl.ventanilla.config.entity;

import static cl.ventanilla.kernel.JsonText.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A unit's opening hours for each ISO weekday, possibly split (08:30–13:30 and 14:30–17:00). Ranges of
 * the same day never overlap; a day without ranges is a day the unit does not attend.
 */
public record WeeklySchedule(List<OpeningRange> ranges) {

    private static final Comparator<OpeningRange> ORDER = Comparator.comparing(OpeningRange::day)
            .thenComparing(OpeningRange::opens);

    public WeeklySchedule {
        List<OpeningRange> sorted = new ArrayList<>();
        for (OpeningRange range : ranges == null ? List.<OpeningRange>of() : ranges) {
            if (range == null) {
                throw ConfigException.invalid("openingHours.incomplete");
            }
            sorted.add(range);
        }
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            OpeningRange previous = sorted.get(i - 1);
            OpeningRange next = sorted.get(i);
            if (previous.day() == next.day() && previous.hours().overlaps(next.hours())) {
                throw ConfigException.invalid("openingHours.overlap", next.day().getValue(), previous.hours(),
                        next.hours());
            }
        }
        ranges = List.copyOf(sorted);
    }

    /** The schedule as the audit log keeps it: {"MONDAY": ["08:30–13:30", "14:30–17:00"], …}. */
    public JsonObject snapshot() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> hours = on(day);
            if (!hours.isEmpty()) {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                hours.forEach(h -> array.add(h.toString()));
                json.add(day.name(), array);
            }
        }
        return json.build();
    }

    /** The hours of one weekday, in order; empty when the unit does not attend that day. */
    public List<TimeRange> on(DayOfWeek day) {
        return ranges.stream().filter(r -> r.day() == day).map(OpeningRange::hours).toList();
    }
}
