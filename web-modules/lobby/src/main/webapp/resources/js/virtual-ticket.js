/*
 * The virtual ticket follows its unit's live line: when an event of its own service (a call, a transfer,
 * a ticket issued or finished) or of the ticket itself arrives, the page is read again, so the state,
 * the people ahead and the wait change within a second. Without the socket (a proxy that refuses it, a
 * server restart) the page still reloads every 30 seconds; once the ticket is closed it stops listening.
 */
(function () {
    "use strict";

    var ticket = document.getElementById("turno-virtual");
    if (!ticket || ticket.dataset.open !== "true") {
        return;
    }
    var data = ticket.dataset;
    var pending = null;

    function reloadSoon(delay) {
        if (pending === null) {
            pending = setTimeout(function () { location.reload(); }, delay);
        }
    }

    function concernsThisTicket(message) {
        return message.number === data.number || message.serviceId === data.service
            || message.fromServiceId === data.service;
    }

    VentanillaLive.follow(data.socket, {
        message: function (message) {
            if (concernsThisTicket(message)) {
                reloadSoon(300);
            }
        }
    });
    setInterval(function () { reloadSoon(0); }, 30000);
})();
