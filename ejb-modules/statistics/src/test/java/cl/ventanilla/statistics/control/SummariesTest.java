package cl.ventanilla.statistics.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import cl.ventanilla.statistics.entity.Histogram;
import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void histogramsAreReadFromPostgresArrayText() {
        long[] counts = new long[Histogram.BUCKETS];
        counts[0] = 3;
        counts[7] = 120;
        counts[20] = 2_000_000_001L;
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < counts.length; i++) {
            text.append(i > 0 ? "," : "").append(counts[i]);
        }
        assertArrayEquals(counts, Summaries.histogram(text.append('}').toString()).counts());
        assertArrayEquals(new long[Histogram.BUCKETS], Summaries.histogram(null).counts());
        assertArrayEquals(new long[Histogram.BUCKETS], Summaries.histogram("{}").counts());
    }
}
