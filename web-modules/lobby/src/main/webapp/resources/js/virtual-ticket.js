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
    var FIRST_RETRY = 1000;
    var LAST_RETRY = 30000;
    var retry = FIRST_RETRY;
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

    function connect() {
        var scheme = location.protocol === "https:" ? "wss://" : "ws://";
        var socket = new WebSocket(scheme + location.host + data.socket);
        var keepAlive = null;
        socket.onopen = function () {
            retry = FIRST_RETRY;
            keepAlive = setInterval(function () {
                if (socket.readyState === WebSocket.OPEN) {
                    socket.send("ping");
                }
            }, 25000);
        };
        socket.onmessage = function (event) {
            var message;
            try {
                message = JSON.parse(event.data);
            } catch (notJson) {
                return;
            }
            if (concernsThisTicket(message)) {
                reloadSoon(300);
            }
        };
        socket.onclose = function () {
            clearInterval(keepAlive);
            setTimeout(connect, retry + Math.random() * 500);
            retry = Math.min(retry * 2, LAST_RETRY);
        };
    }

    connect();
    setInterval(function () { reloadSoon(0); }, 30000);
})();
