package cl.ventanilla.queue.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A Prometheus histogram of whole seconds ({@code <name>_bucket{le=…}}, {@code _sum}, {@code _count}),
 * published as gauges over counts that only grow. Payara's own MicroProfile histograms are not used on
 * purpose: their {@code le} buckets are counted over a decaying sample of recent values, so they go down
 * as well as up and {@code rate()} over them means nothing; these are counted since the start, as
 * {@code histogram_quantile(…, rate(…_bucket[…]))} expects.
 */
final class CumulativeHistogram {

    private final long[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final LongAdder sum = new LongAdder();

    /** @param bounds the upper bounds of the buckets in seconds, ascending; {@code +Inf} is added */
    CumulativeHistogram(long... bounds) {
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must ascend: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
        this.buckets = new LongAdder[bounds.length];
        Arrays.setAll(buckets, i -> new LongAdder());
    }

    /** One observation; a negative one (clocks of two instances) counts as zero. */
    void observe(long seconds) {
        long value = Math.max(0, seconds);
        int first = Arrays.binarySearch(bounds, value);
        // the observation goes into its own bucket only; the cumulative count is summed when read
        int index = first >= 0 ? first : -first - 1;
        if (index < buckets.length) {
            buckets[index].increment();
        }
        count.increment();
        sum.add(value);
    }

    /** How many observations were at most {@code bounds[i]} seconds. */
    long atMost(int i) {
        long total = 0;
        for (int j = 0; j <= i; j++) {
            total += buckets[j].sum();
        }
        return total;
    }

    long count() {
        return count.sum();
    }

    long sum() {
        return sum.sum();
    }

    /**
     * Publishes the histogram as {@code <name>.bucket} (one gauge per bound, tag {@code le}),
     * {@code <name>.sum} and {@code <name>.count}; the ids registered, for removal.
     */
    List<MetricID> register(MetricRegistry registry, String name, String description, Tag... tags) {
        List<MetricID> ids = new ArrayList<>();
        Metadata bucket = Metadata.builder().withName(name + ".bucket").withDescription(description).build();
        for (int i = 0; i <= bounds.length; i++) {
            int index = i;
            Tag[] withLe = Arrays.copyOf(tags, tags.length + 1);
            withLe[tags.length] = new Tag("le", i == bounds.length ? "+Inf" : bounds[i] + ".0");
            registry.gauge(bucket, this, h -> index == h.bounds.length ? h.count() : h.atMost(index), withLe);
            ids.add(new MetricID(bucket.getName(), withLe));
        }
        registry.gauge(Metadata.builder().withName(name + ".sum").withDescription(description).build(), this,
                CumulativeHistogram::sum, tags);
        registry.gauge(Metadata.builder().withName(name + ".count").withDescription(description).build(), this,
                CumulativeHistogram::count, tags);
        ids.add(new MetricID(name + ".sum", tags));
        ids.add(new MetricID(name + ".count", tags));
        return ids;
    }
}
