package cl.ventanilla.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A lobby screen's live line, opened directly on one instance of the cluster, as a display would. */
final class DisplaySocket implements AutoCloseable {

    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    DisplaySocket(int instance, String unit) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + Cluster.instancePort(instance) + "/display-socket/" + unit);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /** Whether the call of that number arrives within the time (messages before it are dropped). */
    boolean awaitCall(String number, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String message = received.poll(50, TimeUnit.MILLISECONDS);
            if (message != null && message.contains("\"called\"") && message.contains("\"" + number + "\"")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "fin").get(5, TimeUnit.SECONDS);
    }
}
