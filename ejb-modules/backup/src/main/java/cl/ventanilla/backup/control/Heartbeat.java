package cl.ventanilla.backup.control;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * A run's sign of life: renews its lease and records its stage. Bytes passing through {@link #counting}
 * streams beat it every few seconds with how far the work has got, so a dump of any size keeps its lease
 * and the screen shows its progress.
 */
@FunctionalInterface
interface Heartbeat {

    long EVERY_MILLIS = 3_000;

    /**
     * @throws LeaseLost when the run is no longer this instance's: another instance took it over
     */
    void beat(String stage);

    /** The run was taken over by another instance: this one must stop and leave its files alone. */
    final class LeaseLost extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("Otra instancia retomó este respaldo.");
        }
    }

    default OutputStream counting(OutputStream target, String stage) {
        Meter meter = new Meter(this, stage);
        return new FilterOutputStream(target) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                meter.add(length);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                meter.add(1);
            }
        };
    }

    default InputStream counting(InputStream source, String stage) {
        Meter meter = new Meter(this, stage);
        return new FilterInputStream(source) {
            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = in.read(bytes, offset, length);
                if (read > 0) {
                    meter.add(read);
                }
                return read;
            }
        };
    }

    /** Counts bytes and beats at most every {@link #EVERY_MILLIS}. */
    final class Meter {

        private final Heartbeat heartbeat;
        private final String stage;
        private long bytes;
        private long last = System.currentTimeMillis();

        Meter(Heartbeat heartbeat, String stage) {
            this.heartbeat = heartbeat;
            this.stage = stage;
        }

        void add(long more) {
            bytes += more;
            long now = System.currentTimeMillis();
            if (now - last >= EVERY_MILLIS) {
                last = now;
                heartbeat.beat(stage + " (" + megabytes(bytes) + ")");
            }
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
