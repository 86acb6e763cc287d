package cl.ventanilla.kernel.testing;

import cl.ventanilla.kernel.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls that start at the same moment, one thread each, released together by a barrier once every
 * thread is ready: the races of the module tests.
 */
public final class Race {

    private Race() {
    }

    /**
     * Runs the calls together and counts their outcomes in {@code outcomes}: "ok", the refusal's key, or
     * the simple name of any other exception's class (which no assertion expects).
     *
     * @return what the calls that succeeded returned
     */
    public static <T> List<T> run(List<Callable<T>> calls, Map<String, Integer> outcomes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<T> won = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    String outcome;
                    try {
                        won.add(call.call());
                        outcome = "ok";
                    } catch (DomainException refused) {
                        outcome = refused.key();
                    } catch (RuntimeException other) {
                        outcome = other.getClass().getSimpleName();
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        return won;
    }
}
