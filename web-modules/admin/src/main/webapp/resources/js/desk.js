/*
 * The desk's waiting counts follow the unit's web socket (the lobby's live line): after each queue event
 * the counts are read again from the public snapshot. Reconnects by itself with a growing pause.
 */
(function () {
    "use strict";

    var table = document.getElementById("cola");
    if (!table) {
        return;
    }
    var retry = 1000;

    function connect() {
        var scheme = location.protocol === "https:" ? "wss://" : "ws://";
        var socket = new WebSocket(scheme + location.host + table.dataset.socket);
        socket.onopen = function () {
            retry = 1000;
            refresh();
        };
        socket.onmessage = refresh;
        socket.onclose = function () {
            setTimeout(connect, retry + Math.random() * 500);
            retry = Math.min(retry * 2, 30000);
        };
    }

    // Only the answer to the latest read counts: answers of two quick reads may arrive out of order.
    var reads = 0;

    function refresh() {
        var read = ++reads;
        fetch(table.dataset.snapshot, { headers: { "Accept": "application/json" }, cache: "no-store" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (snapshot) {
                if (read !== reads) {
                    return;
                }
                (snapshot && snapshot.services || []).forEach(function (line) {
                    var cell = table.querySelector('[data-service="' + line.serviceId + '"]');
                    if (cell) {
                        cell.textContent = String(line.waiting);
                    }
                });
            })
            .catch(function () { /* the next event or reconnection refreshes again */ });
    }

    connect();
})();
