package cl.ventanilla.queue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.kernel.cache.Invalidated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class LobbySnapshotsTest {

    private final LobbySnapshots snapshots = new LobbySnapshots();
    private final UUID unit = UUID.randomUUID();
    private final AtomicInteger reads = new AtomicInteger();

    private int read(AtomicInteger queue) {
        reads.incrementAndGet();
        return queue.get();
    }

    @Test
    void aUnitsScreensShareOneReadingUntilItsQueueChanges() {
        AtomicInteger queue = new AtomicInteger(3);
        assertEquals(3, snapshots.of(unit, () -> read(queue)));
        assertEquals(3, snapshots.of(unit, () -> read(queue)));
        assertEquals(1, reads.get(), "the second screen got the first one's reading");

        queue.set(4);
        snapshots.changed(unit);
        assertEquals(4, snapshots.of(unit, () -> read(queue)));
        assertEquals(2, reads.get());
    }

    @Test
    void aReadingOvertakenByAChangeIsNotKept() {
        AtomicInteger queue = new AtomicInteger(3);
        // the change commits and is announced while the reading is under way: what it read may predate it
        assertEquals(3, snapshots.of(unit, () -> {
            int seen = read(queue);
            queue.set(4);
            snapshots.changed(unit);
            return seen;
        }));
        assertEquals(4, snapshots.of(unit, () -> read(queue)));
    }

    @Test
    void anotherUnitsChangeKeepsThisUnitsReading() {
        AtomicInteger queue = new AtomicInteger(3);
        snapshots.of(unit, () -> read(queue));
        snapshots.changed(UUID.randomUUID());
        snapshots.of(unit, () -> read(queue));
        assertEquals(1, reads.get());
    }

    @Test
    void aConfigurationChangeDropsEveryUnitsReading() {
        AtomicInteger queue = new AtomicInteger(3);
        UUID other = UUID.randomUUID();
        snapshots.of(unit, () -> read(queue));
        snapshots.of(other, () -> read(queue));
        snapshots.configurationChanged(new Invalidated("cuentas", Optional.empty()));
        snapshots.of(unit, () -> read(queue));
        assertEquals(2, reads.get(), "another read model's topic drops nothing here");

        snapshots.configurationChanged(new Invalidated(ConfigurationReadModel.TOPIC, Optional.of("servicios")));
        snapshots.of(unit, () -> read(queue));
        snapshots.of(other, () -> read(queue));
        assertEquals(4, reads.get());
    }

    @Test
    void aReadingOlderThanItsLifetimeIsReadAgain() throws InterruptedException {
        AtomicInteger queue = new AtomicInteger(3);
        snapshots.of(unit, () -> read(queue));
        queue.set(5); // changed by hand, no message: only the lifetime bounds it
        Thread.sleep(LobbySnapshots.LIFETIME.toMillis() + 50);
        assertEquals(5, snapshots.of(unit, () -> read(queue)));
    }

    /**
     * Desks change the queue and announce it while screens read it, each reading slow by a random few
     * microseconds: whoever reads after a change was announced sees that change or a later one, never an
     * older reading kept from before it.
     */
    @Test
    void noReadingAfterAnAnnouncedChangeIsOlderThanIt() throws Exception {
        AtomicInteger queue = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (int t = 0; t < 3; t++) {
                writers.add(threads.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 2_000 && System.nanoTime() < deadline; i++) {
                        int committed = queue.incrementAndGet();
                        snapshots.changed(unit);
                        int seen = snapshots.of(unit, () -> slowRead(queue));
                        assertTrue(seen >= committed, "read " + seen + " after announcing " + committed);
                        checked++;
                    }
                    return checked;
                }));
            }
            List<Future<Integer>> checks = new ArrayList<>(writers);
            for (int t = 0; t < 3; t++) {
                checks.add(threads.submit(() -> {
                    int checked = 0;
                    while (System.nanoTime() < deadline && writers.stream().anyMatch(f -> !f.isDone())) {
                        int before = queue.get();
                        int seen = snapshots.of(unit, () -> slowRead(queue));
                        // a value announced before this reading started may only be followed, never undone
                        assertTrue(seen >= before - 3, "a screen went back from " + before + " to " + seen);
                        checked++;
                    }
                    return checked;
                }));
            }
            int checked = 0;
            for (Future<Integer> check : checks) {
                checked += check.get(30, TimeUnit.SECONDS);
            }
            assertTrue(checked > 1_000, "the race ran: " + checked + " readings checked");
        } finally {
            threads.shutdownNow();
        }
    }

    private static int slowRead(AtomicInteger queue) {
        int seen = queue.get();
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(20_000));
        return seen;
    }
}
