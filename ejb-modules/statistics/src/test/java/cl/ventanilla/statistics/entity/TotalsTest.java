package cl.ventanilla.statistics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TotalsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    private static Totals row(LocalDate week, long served, long preferential, long waitSeconds, long preferentialWait,
            int maxWait, int waitBucket) {
        long[] waits = new long[Histogram.BUCKETS];
        waits[waitBucket] = served;
        long[] preferentialWaits = new long[Histogram.BUCKETS];
        preferentialWaits[waitBucket] = preferential;
        return new Totals(week, Grouping.WEEK.end(week), UUID.randomUUID(), served + 1, preferential, 0, served,
                preferential, 0, served, 0, 0, 0, waitSeconds, preferentialWait, 0, maxWait, 600 * served,
                Histogram.of(waits), Histogram.of(preferentialWaits), Histogram.of(waits));
    }

    @Test
    void thePeriodsTotalsAreTheSumsOfItsRows() {
        List<Totals> perPeriod = Totals.perPeriod(List.of(row(MONDAY, 10, 2, 3000, 200, 900, 5),
                row(MONDAY, 30, 0, 12_000, 0, 1500, 7), row(MONDAY.plusWeeks(1), 5, 5, 500, 500, 120, 3)));
        assertEquals(2, perPeriod.size());
        Totals first = perPeriod.get(0);
        assertNull(first.key(), "a total has no key");
        assertEquals(42, first.issued());
        assertEquals(40, first.served());
        assertEquals(1500, first.maxWait());
        assertEquals(40, first.waits().total());
        SummaryRow row = first.row(null, true, new long[] {1, 1, 0, 0});
        assertEquals(375, row.meanWait(), "(3000 + 12000) / 40");
        assertEquals(100, row.meanWaitPreferential(), "200 / 2");
        assertEquals(389, row.meanWaitNormal(), "14800 / 38");
        assertEquals(2L, row.abandoned(), "42 issued, 40 served");
        assertEquals(1.0, row.shareWithinSla());
        assertEquals(5, perPeriod.get(1).served());
    }

    @Test
    void withoutAttentionsThereIsNoMeanNorPercentile() {
        SummaryRow row = Totals.perPeriod(List.of(row(MONDAY, 0, 0, 0, 0, 0, 0))).get(0).row("x", false, null);
        assertNull(row.meanWait());
        assertNull(row.p90Wait());
        assertNull(row.shareWithinSla());
        assertNull(row.abandoned(), "not for a split by station or operator");
        assertNull(row.booked());
    }
}
