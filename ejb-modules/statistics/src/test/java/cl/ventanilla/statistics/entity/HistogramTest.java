package cl.ventanilla.statistics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {

    /** One count in the bucket of each duration. */
    private static Histogram of(int... seconds) {
        long[] counts = new long[Histogram.BUCKETS];
        for (int s : seconds) {
            counts[Histogram.bucketOf(s)]++;
        }
        return Histogram.of(counts);
    }

    @Test
    void bucketsAreHalfOpenOnTheirUpperBound() {
        assertEquals(0, Histogram.bucketOf(0));
        assertEquals(0, Histogram.bucketOf(29));
        assertEquals(1, Histogram.bucketOf(30));
        assertEquals(1, Histogram.bucketOf(59));
        assertEquals(Histogram.BUCKETS - 1, Histogram.bucketOf(10_800));
        assertEquals(Histogram.BUCKETS - 1, Histogram.bucketOf(1_000_000));
    }

    @Test
    void anEmptyHistogramHasNoPercentile() {
        assertNull(Histogram.empty().percentile(0.5));
    }

    @Test
    void percentilesInterpolateInsideTheirBucket() {
        // ten waits between 600 and 900 s (bucket [600, 900)): p50 is halfway, p90 at nine tenths
        Histogram h = of(600, 610, 620, 630, 640, 650, 660, 670, 680, 690);
        assertEquals(750, h.percentile(0.5));
        assertEquals(870, h.percentile(0.9));
        assertEquals(900, h.percentile(1.0));
    }

    @Test
    void percentilesFindTheRightBucketAcrossSeveral() {
        // 50 short waits (< 30 s), 40 of 5–7 minutes, 10 over three hours
        long[] counts = new long[Histogram.BUCKETS];
        counts[0] = 50;
        counts[Histogram.bucketOf(300)] = 40;
        counts[Histogram.BUCKETS - 1] = 10;
        Histogram h = Histogram.of(counts);
        assertEquals(30, h.percentile(0.5), "the 50th of 100 is the last of the first bucket");
        assertEquals(300 + (420 - 300) * 35 / 40, h.percentile(0.85));
        assertEquals(10_800, h.percentile(0.95), "the open last bucket answers its lower bound");
        assertEquals(100, h.total());
    }

    @Test
    void histogramsAddBucketByBucket() {
        Histogram sum = of(10, 700).plus(of(20, 20_000));
        assertEquals(4, sum.total());
        assertEquals(2, sum.counts()[0]);
        assertEquals(1, sum.counts()[Histogram.bucketOf(700)]);
        assertEquals(1, sum.counts()[Histogram.BUCKETS - 1]);
    }

    @Test
    void percentilesOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> of(10).percentile(1.5));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(-1));
    }
}
