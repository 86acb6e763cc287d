package cl.ventanilla.backup.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the PostgreSQL client programs: their standard input fed from a stream, their output into one,
 * their error output kept (the last 4 KB) for the message when they fail. Never through a shell.
 */
final class Programs {

    private static final int ERROR_TAIL = 4096;

    private Programs() {
    }

    /** A program that ended with a non-zero status; the message has its error output. */
    static final class Failed extends IOException {

        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /**
     * @param input  copied to the program's standard input, then closed; null for none
     * @param output receives the program's standard output; null to discard it
     */
    static void run(List<String> command, Map<String, String> environment, InputStream input, OutputStream output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        if (output == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process = builder.start();
        // own threads, not a shared pool: on a small machine a pool of one would wait on itself
        CompletableFuture<String> errors = new CompletableFuture<>();
        start("stderr", () -> errors.complete(tail(process.getErrorStream())));
        CompletableFuture<Void> feeding = new CompletableFuture<>();
        if (input == null) {
            feeding.complete(null);
        } else {
            start("stdin", () -> {
                try {
                    feed(input, process.getOutputStream());
                    feeding.complete(null);
                } catch (RuntimeException e) {
                    feeding.completeExceptionally(e);
                }
            });
        }
        try {
            if (output != null) {
                process.getInputStream().transferTo(output);
            }
            int status = process.waitFor();
            String message = errors.join().strip();
            try {
                feeding.join();
            } catch (RuntimeException broken) {
                // the program stopped reading: its status and error output say why
                if (status == 0) {
                    throw new IOException("No se pudo entregar la entrada a " + command.get(0), broken.getCause());
                }
            }
            if (status != 0) {
                throw new Failed(name(command) + " terminó con el código " + status
                        + (message.isEmpty() ? "" : ": " + message));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static void start(String what, Runnable work) {
        Thread thread = new Thread(work, "respaldo-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    private static String name(List<String> command) {
        String program = command.get(0);
        return program.substring(program.lastIndexOf('/') + 1);
    }

    private static void feed(InputStream input, OutputStream stdin) {
        try (OutputStream target = stdin) {
            input.transferTo(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(InputStream stream) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int read; (read = stream.read(buffer)) >= 0;) {
                kept.write(buffer, 0, read);
                if (kept.size() > 4 * ERROR_TAIL) {
                    byte[] all = kept.toByteArray();
                    kept.reset();
                    kept.write(all, all.length - ERROR_TAIL, ERROR_TAIL);
                }
            }
        } catch (IOException e) {
            // the process ended: what was read is the message
        }
        byte[] all = kept.toByteArray();
        int from = Math.max(0, all.length - ERROR_TAIL);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
