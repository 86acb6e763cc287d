package cl.ventanilla.statistics.entity;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of durations in fixed buckets (the SQL function {@code estadistica_limites()} holds the same upper
 * bounds, checked by the integration test), from which percentiles are read without the raw durations.
 */
public final class Histogram {

    /** Exclusive upper bounds of the buckets in seconds; the last bucket has none. */
    public static final List<Integer> BOUNDS = List.of(30, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1500,
            1800, 2400, 3000, 3600, 4500, 5400, 7200, 10800);

    public static final int BUCKETS = BOUNDS.size() + 1;

    private final long[] counts;

    private Histogram(long[] counts) {
        this.counts = counts;
    }

    public static Histogram empty() {
        return new Histogram(new long[BUCKETS]);
    }

    /** @param counts one count per bucket, as stored (a shorter or null array counts as zeros) */
    public static Histogram of(long... counts) {
        Histogram h = empty();
        if (counts != null) {
            for (int i = 0; i < Math.min(counts.length, BUCKETS); i++) {
                if (counts[i] < 0) {
                    throw new IllegalArgumentException("negative count in bucket " + i);
                }
                h.counts[i] = counts[i];
            }
        }
        return h;
    }

    /** The bucket of a duration, 0-based (the SQL function answers 1-based). */
    public static int bucketOf(int seconds) {
        int i = 0;
        while (i < BOUNDS.size() && seconds >= BOUNDS.get(i)) {
            i++;
        }
        return i;
    }

    /**
     * The SQL that sums a histogram column over a group of rows, bucket by bucket, with the built-in
     * {@code sum} (several times faster than an aggregate written in SQL).
     */
    public static String sumSql(String column) {
        StringBuilder sql = new StringBuilder("ARRAY[");
        for (int i = 1; i <= BUCKETS; i++) {
            sql.append(i > 1 ? ", " : "").append("sum(").append(column).append('[').append(i).append("])");
        }
        return sql.append("]::int[]").toString();
    }

    public Histogram plus(Histogram other) {
        long[] sum = counts.clone();
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] += other.counts[i];
        }
        return new Histogram(sum);
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The p-th percentile in seconds, interpolated linearly inside its bucket (durations assumed spread
     * evenly there); in the open last bucket, its lower bound. Empty: null.
     *
     * @param p between 0 and 1
     */
    public Integer percentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("percentile out of [0, 1]: " + p);
        }
        long total = total();
        if (total == 0) {
            return null;
        }
        double rank = p * total;
        long before = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long here = counts[i];
            if (here > 0 && before + here >= rank) {
                int lower = i == 0 ? 0 : BOUNDS.get(i - 1);
                if (i == BOUNDS.size()) {
                    return lower;
                }
                int upper = BOUNDS.get(i);
                return (int) Math.round(lower + (upper - lower) * Math.max(0, rank - before) / here);
            }
            before += here;
        }
        return BOUNDS.get(BOUNDS.size() - 1);
    }

    public long[] counts() {
        return counts.clone();
    }
}
