package cl.ventanilla.appointments;

import cl.ventanilla.kernel.Rut;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid RUTs (módulo-11 check digit) that no other test of the run uses. */
final class TestRuts {

    private static final AtomicInteger NEXT = new AtomicInteger(
            5_000_000 + ThreadLocalRandom.current().nextInt(1_000) * 10_000);

    private TestRuts() {
    }

    /** A fresh RUT, formatted as a citizen types it: {@code 12.345.678-5}. */
    static String next() {
        int body = NEXT.getAndIncrement();
        return Rut.of(body + "-" + Rut.checkDigitOf(body)).formatted();
    }
}
