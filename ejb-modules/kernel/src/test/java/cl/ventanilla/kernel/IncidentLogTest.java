package cl.ventanilla.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The same failure repeated is one incident: one trace, then a count per interval. */
class IncidentLogTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T23:05:00Z"));
    private final List<LogRecord> records = new ArrayList<>();
    private final IncidentLog incidents = new IncidentLog(capturing(), clock);

    @Test
    void aThousandIdenticalFailuresAtOnceAreOneTraceAndOneCountedLine() throws Exception {
        int threads = 8;
        int perThread = 138; // 1,104 failures, as many as the kiosk sent in four seconds
        CyclicBarrier start = new CyclicBarrier(threads);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < perThread; i++) {
                        ids.add(incidents.report("POST /api/queue/tickets", outOfRange(10_000)));
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, ids.size(), "every caller is told the same incident id");
        assertEquals(1, records.size(), "the trace once, nothing else within the interval");
        LogRecord trace = records.get(0);
        assertNotNull(trace.getThrown());
        assertTrue(trace.getMessage().contains(ids.iterator().next()), trace.getMessage());
        assertTrue(trace.getMessage().contains("POST /api/queue/tickets"), trace.getMessage());

        clock.advance(IncidentLog.INTERVAL);
        incidents.report("POST /api/queue/tickets", outOfRange(10_000));
        assertEquals(2, records.size());
        LogRecord summary = records.get(1);
        assertNull(summary.getThrown(), "a summary, not another trace");
        assertTrue(summary.getMessage().contains("repetido " + (threads * perThread - 1) + " veces"), summary.getMessage());
        assertTrue(summary.getMessage().contains(ids.iterator().next()), summary.getMessage());
    }

    @Test
    void aQuietFailureGetsItsCountFromTheFlushAndAFailureFromElsewhereItsOwnTrace() {
        String first = incidents.report("GET /api/a", outOfRange(1));
        incidents.report("GET /api/a", outOfRange(2));
        incidents.report("GET /api/a", outOfRange(3));
        String other = incidents.report("GET /api/b", new IllegalStateException("otra cosa"));
        assertNotEquals(first, other);
        assertEquals(2, records.stream().filter(r -> r.getThrown() != null).count(), "one trace per failure");

        incidents.flush();
        assertEquals(2, records.size(), "nothing to summarize before the interval ends");
        clock.advance(IncidentLog.INTERVAL.plusSeconds(1));
        incidents.flush();
        assertEquals(3, records.size(), "the quiet failure's two repetitions are summarized; the other had none");
        assertTrue(records.get(2).getMessage().contains("Incidente " + first + " repetido 2 veces"),
                records.get(2).getMessage());

        clock.advance(IncidentLog.FORGET_AFTER);
        incidents.flush();
        String again = incidents.report("GET /api/a", outOfRange(4));
        assertNotEquals(first, again, "forgotten after a long silence: a new incident with its trace");
        assertNotNull(records.get(records.size() - 1).getThrown());
    }

    /** Where TicketNumber threw it: the same place every time, whatever the number and the caller. */
    private static final StackTraceElement[] THROWN_AT = new IllegalArgumentException().getStackTrace();

    private static IllegalArgumentException outOfRange(int number) {
        IllegalArgumentException failure = new IllegalArgumentException("ticket number out of range: " + number);
        failure.setStackTrace(THROWN_AT);
        return failure;
    }

    private Logger capturing() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
