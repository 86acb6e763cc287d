package cl.ventanilla.queue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CumulativeHistogramTest {

    @Test
    void eachBucketCountsTheObservationsUpToItsBound() {
        CumulativeHistogram waits = new CumulativeHistogram(60, 300, 900);
        for (long seconds : new long[] {0, 59, 60, 61, 300, 899, 901, 5_000}) {
            waits.observe(seconds);
        }

        assertEquals(3, waits.atMost(0), "le=60 holds 0, 59 and 60");
        assertEquals(5, waits.atMost(1), "le=300 adds 61 and 300");
        assertEquals(6, waits.atMost(2), "le=900 adds 899");
        assertEquals(8, waits.count(), "+Inf holds everything");
        assertEquals(0 + 59 + 60 + 61 + 300 + 899 + 901 + 5_000, waits.sum());
    }

    @Test
    void aNegativeWaitCountsAsZero() {
        CumulativeHistogram waits = new CumulativeHistogram(60);
        waits.observe(-3);

        assertEquals(1, waits.atMost(0));
        assertEquals(0, waits.sum());
    }

    @Test
    void boundsMustAscend() {
        assertThrows(IllegalArgumentException.class, () -> new CumulativeHistogram(60, 60));
    }
}
