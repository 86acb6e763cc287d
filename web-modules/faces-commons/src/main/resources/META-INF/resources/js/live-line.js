/*
 * A unit's live line, shared by the screens that follow the queue (the lobby display, the desk, the
 * virtual ticket): the web socket at the given path, a keep-alive every 25 s so proxies keep it open,
 * and a reconnection with a growing pause (1 s doubling up to 30 s) whenever it closes, as when the
 * server restarts. Messages arrive parsed; anything that is not JSON is ignored. The server's first
 * message, {"kind":"ready"}, says it has registered the screen (every event from then on reaches it): the
 * page's root element gets data-live="ready" (and "closed" while the line is down), which the browser
 * tests wait for instead of guessing how long the socket takes.
 *
 *   VentanillaLive.follow("/display-socket/<unit>", { open: fn(), message: fn(message), close: fn() });
 */
var VentanillaLive = (function () {
    "use strict";

    var FIRST_RETRY = 1000;
    var LAST_RETRY = 30000;
    var KEEP_ALIVE = 25000;

    function follow(path, handlers) {
        var retry = FIRST_RETRY;

        function connect() {
            var scheme = location.protocol === "https:" ? "wss://" : "ws://";
            var socket = new WebSocket(scheme + location.host + path);
            var keepAlive = null;
            socket.onopen = function () {
                retry = FIRST_RETRY;
                keepAlive = setInterval(function () {
                    if (socket.readyState === WebSocket.OPEN) {
                        socket.send("ping");
                    }
                }, KEEP_ALIVE);
                if (handlers.open) {
                    handlers.open();
                }
            };
            socket.onmessage = function (event) {
                var message;
                try {
                    message = JSON.parse(event.data);
                } catch (notJson) {
                    return;
                }
                if (message.kind === "ready") {
                    document.documentElement.setAttribute("data-live", "ready");
                    return;
                }
                if (handlers.message) {
                    handlers.message(message);
                }
            };
            socket.onclose = function () {
                clearInterval(keepAlive);
                document.documentElement.setAttribute("data-live", "closed");
                if (handlers.close) {
                    handlers.close();
                }
                setTimeout(connect, retry + Math.random() * 500);
                retry = Math.min(retry * 2, LAST_RETRY);
            };
        }

        connect();
    }

    return { follow: follow };
})();
