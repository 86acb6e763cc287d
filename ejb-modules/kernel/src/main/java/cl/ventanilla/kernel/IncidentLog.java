package cl.ventanilla.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the API and the screens log what nobody foresaw, as incidents. The same failure repeated (the
 * same exception thrown from the same place) is one incident: its full trace is logged once, with an
 * incident id; while it keeps happening, one summary line per {@link #INTERVAL} says how many times it
 * happened in that interval, and every caller is given the same incident id. 1,100 identical failures in
 * four seconds are two lines, not 1,100 stack traces that rotate the log away.
 *
 * <p>The summary of an interval is written by the first occurrence after it ended, or by {@link #flush}
 * (the API calls it on every incident, so a quiet failure's count comes out with the next incident of
 * any kind). A failure silent for {@link #FORGET_AFTER} is forgotten: if it comes back, its trace is
 * logged again under a new id.
 */
public final class IncidentLog {

    public static final Duration INTERVAL = Duration.ofMinutes(1);
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    /** Different failures remembered at most; beyond that the oldest are summarized and forgotten. */
    static final int MAX_REMEMBERED = 500;
    private static final int FRAMES_IN_SIGNATURE = 4;

    private static final IncidentLog SHARED = new IncidentLog(Logger.getLogger(IncidentLog.class.getName()),
            Clock.systemUTC());

    private final Logger log;
    private final Clock clock;
    private final Map<String, Incident> incidents = new ConcurrentHashMap<>();

    IncidentLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** The application's incident log. */
    public static IncidentLog shared() {
        return SHARED;
    }

    /**
     * Logs an unforeseen failure as an incident (its trace the first time, counted afterwards) and
     * returns the incident's id, which the caller shows to the user.
     *
     * @param where what was being done, e.g. {@code POST /api/queue/tickets}, logged with the trace
     */
    public String report(String where, Throwable failure) {
        Instant now = clock.instant();
        Occurrence[] seen = new Occurrence[1];
        // per failure, atomically: a new incident, or one more of a known one (closing an interval if due)
        incidents.compute(signature(failure), (key, known) -> {
            Incident incident = known == null || known.forgotten(now) ? new Incident(now) : known;
            seen[0] = new Occurrence(incident.id, incident == known ? incident.summaryDue(now) : null,
                    incident.first, incident != known);
            if (incident == known) {
                incident.repeated(now);
            }
            return incident;
        });
        Occurrence occurrence = seen[0];
        if (occurrence.created()) {
            log.log(Level.SEVERE, "Incidente " + occurrence.id() + " (" + where + "): " + failure, failure);
            forgetOldest();
        }
        if (occurrence.summary() != null) {
            log.severe(summary(occurrence.id(), occurrence.summary(), failure));
        }
        return occurrence.id();
    }

    /** Writes the summaries of intervals that ended, and forgets failures silent for long. */
    public void flush() {
        Instant now = clock.instant();
        for (String signature : incidents.keySet()) {
            Summary[] due = new Summary[1];
            String[] id = new String[1];
            incidents.computeIfPresent(signature, (key, incident) -> {
                due[0] = incident.summaryDue(now);
                id[0] = incident.id;
                return incident.forgotten(now) ? null : incident;
            });
            if (due[0] != null) {
                log.severe(summary(id[0], due[0], null));
            }
        }
    }

    private static String summary(String id, Summary summary, Throwable failure) {
        return "Incidente " + id + " repetido " + summary.count() + (summary.count() == 1 ? " vez" : " veces")
                + " entre " + summary.from() + " y " + summary.to() + " (" + summary.total() + " en total desde "
                + summary.first() + ")" + (failure == null ? "" : ": " + failure);
    }

    private void forgetOldest() {
        if (incidents.size() <= MAX_REMEMBERED) {
            return;
        }
        List<Map.Entry<String, Incident>> oldest = new ArrayList<>(incidents.entrySet());
        oldest.sort(Map.Entry.comparingByValue((a, b) -> a.lastSeen().compareTo(b.lastSeen())));
        for (Map.Entry<String, Incident> entry : oldest.subList(0, incidents.size() - MAX_REMEMBERED)) {
            incidents.remove(entry.getKey());
        }
    }

    /**
     * What makes two failures the same: the classes of the exception and of its root cause, and where
     * the root cause was thrown (its first frames), not the message, which carries ids and values.
     */
    static String signature(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder signature = new StringBuilder(failure.getClass().getName()).append('|')
                .append(root.getClass().getName());
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES_IN_SIGNATURE, frames.length); i++) {
            signature.append('|').append(frames[i].getClassName()).append('.').append(frames[i].getMethodName())
                    .append(':').append(frames[i].getLineNumber());
        }
        return signature.toString();
    }

    /** The repetitions of one interval: {@code count} after the first occurrence, {@code total} ever. */
    record Summary(long count, Instant from, Instant to, long total, Instant first) {
    }

    private record Occurrence(String id, Summary summary, Instant first, boolean created) {
    }

    /** One failure's counts; changed only inside the map's {@code compute}, one caller at a time. */
    private static final class Incident {

        final String id = UUID.randomUUID().toString().substring(0, 8);
        final Instant first;
        private Instant intervalStart;
        private Instant lastSeen;
        private long inInterval;
        private long total = 1;

        Incident(Instant now) {
            this.first = now;
            this.intervalStart = now;
            this.lastSeen = now;
        }

        void repeated(Instant now) {
            inInterval++;
            total++;
            lastSeen = now;
        }

        Instant lastSeen() {
            return lastSeen;
        }

        boolean forgotten(Instant now) {
            return inInterval == 0 && !lastSeen.plus(FORGET_AFTER).isAfter(now);
        }

        /** The repetitions of the interval that ended, if one ended with repetitions; a new one starts then. */
        Summary summaryDue(Instant now) {
            if (now.isBefore(intervalStart.plus(INTERVAL))) {
                return null;
            }
            Summary summary = inInterval == 0 ? null : new Summary(inInterval, intervalStart, now, total, first);
            intervalStart = now;
            inInterval = 0;
            return summary;
        }
    }
}
