/*
 * The desk's waiting counts follow the unit's web socket (the lobby's live line): after each queue event
 * the counts are read again from the public snapshot. The live line (live-line.js) reconnects by itself.
 */
(function () {
    "use strict";

    var table = document.getElementById("cola");
    if (!table) {
        return;
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

    VentanillaLive.follow(table.dataset.socket, { open: refresh, message: refresh });
})();
