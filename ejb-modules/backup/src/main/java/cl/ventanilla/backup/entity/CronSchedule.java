package cl.ventanilla.backup.entity;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Optional;

/**
 * A schedule in cron's five fields, as operators already write it (the original ran {@code 0 2 * * *}):
 * minute, hour, day of month, month, day of week (0 or 7 = Sunday). Each field takes {@code *}, numbers,
 * ranges {@code a-b}, lists {@code a,b} and steps {@code * /n} or {@code a-b/n}. As in cron, when both days
 * are restricted a moment matches either. An empty text or {@code off} means never.
 */
public final class CronSchedule {

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronSchedule(String text, String[] fields) {
        this.text = text;
        minutes = field(fields[0], 0, 59, "minuto");
        hours = field(fields[1], 0, 23, "hora");
        daysOfMonth = field(fields[2], 1, 31, "día del mes");
        months = field(fields[3], 1, 12, "mes");
        BitSet week = field(fields[4], 0, 7, "día de la semana");
        if (week.get(7)) {
            week.set(0);
        }
        daysOfWeek = week;
        anyDayOfMonth = fields[2].equals("*");
        anyDayOfWeek = fields[4].equals("*");
    }

    /**
     * @return the schedule, or empty for "never" (blank or {@code off})
     * @throws IllegalArgumentException with a message in Spanish when the text is not a schedule
     */
    public static Optional<CronSchedule> parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("La programación «" + trimmed
                    + "» debe tener cinco campos de cron (minuto hora día mes día-de-semana), por ejemplo «0 2 * * *».");
        }
        return Optional.of(new CronSchedule(trimmed, fields));
    }

    public boolean matches(ZonedDateTime moment) {
        if (!minutes.get(moment.getMinute()) || !hours.get(moment.getHour()) || !months.get(moment.getMonthValue())) {
            return false;
        }
        boolean dayOfMonth = daysOfMonth.get(moment.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.get(moment.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dayOfMonth && dayOfWeek;
        }
        return dayOfMonth || dayOfWeek;
    }

    /**
     * The latest instant of the schedule at or before {@code now}, no further back than {@code window}: the
     * run that is due. A run missed because no instance was up is still due while inside the window.
     */
    public Optional<ZonedDateTime> latestDue(ZonedDateTime now, Duration window) {
        ZonedDateTime minute = now.truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime limit = now.minus(window);
        for (; !minute.isBefore(limit); minute = minute.minusMinutes(1)) {
            if (matches(minute)) {
                return Optional.of(minute);
            }
        }
        return Optional.empty();
    }

    /** The next instant of the schedule after {@code after}, looking at most a year ahead. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime minute = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = after.plusDays(366);
        for (; minute.isBefore(limit); minute = minute.plusMinutes(1)) {
            if (matches(minute)) {
                return Optional.of(minute);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }

    private BitSet field(String field, int min, int max, String name) {
        BitSet values = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, name);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw invalid(field, name);
                }
                from = number(ends[0], min, max, name);
                to = number(ends[1], min, max, name);
                if (from > to) {
                    throw invalid(field, name);
                }
            } else {
                from = number(range, min, max, name);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private int number(String text, int min, int max, String name) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("El " + name + " «" + text + "» de la programación «" + this.text
                        + "» debe estar entre " + min + " y " + max + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(text, name);
        }
    }

    private IllegalArgumentException invalid(String field, String name) {
        return new IllegalArgumentException("El " + name + " «" + field + "» de la programación «" + text + "» no se entiende.");
    }
}
