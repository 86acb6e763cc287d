package cl.ventanilla.queue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheLastWaitAndStaysThere() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                IntStream.range(0, 7).mapToObj(i -> backoff.next().toSeconds()).toList());
    }

    @Test
    void aSuccessStartsOverFromTheFirstWait() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(Duration.ofMillis(500), backoff.next());
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }

    @Test
    void aLastWaitShorterThanTheFirstIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
