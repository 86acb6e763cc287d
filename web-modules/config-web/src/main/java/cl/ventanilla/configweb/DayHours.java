package cl.ventanilla.configweb;

import cl.ventanilla.config.entity.OpeningRange;
import cl.ventanilla.config.entity.TimeRange;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One weekday of the opening hours form: up to two ranges (08:30–13:30 and 14:30–17:00). A range left
 * empty is no range; a range half filled goes to the domain, which says what is missing.
 */
public class DayHours implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DayOfWeek day;
    private LocalTime opens1;
    private LocalTime closes1;
    private LocalTime opens2;
    private LocalTime closes2;

    public DayHours(DayOfWeek day, List<TimeRange> hours) {
        this.day = day;
        if (!hours.isEmpty()) {
            opens1 = hours.get(0).opens();
            closes1 = hours.get(0).closes();
        }
        if (hours.size() > 1) {
            opens2 = hours.get(1).opens();
            closes2 = hours.get(1).closes();
        }
    }

    /** The day's ranges as the schedule takes them. */
    public List<OpeningRange> ranges() {
        List<OpeningRange> ranges = new ArrayList<>();
        if (opens1 != null || closes1 != null) {
            ranges.add(new OpeningRange(day, opens1, closes1));
        }
        if (opens2 != null || closes2 != null) {
            ranges.add(new OpeningRange(day, opens2, closes2));
        }
        return ranges;
    }

    public DayOfWeek getDay() {
        return day;
    }

    public LocalTime getOpens1() {
        return opens1;
    }

    public void setOpens1(LocalTime opens1) {
        this.opens1 = opens1;
    }

    public LocalTime getCloses1() {
        return closes1;
    }

    public void setCloses1(LocalTime closes1) {
        this.closes1 = closes1;
    }

    public LocalTime getOpens2() {
        return opens2;
    }

    public void setOpens2(LocalTime opens2) {
        this.opens2 = opens2;
    }

    public LocalTime getCloses2() {
        return closes2;
    }

    public void setCloses2(LocalTime closes2) {
        this.closes2 = closes2;
    }
}
