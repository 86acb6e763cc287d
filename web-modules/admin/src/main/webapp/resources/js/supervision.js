/*
 * The supervisor's live view: follows the unit's live line (the lobby's web socket, fed on every instance
 * through the Redis bridge) and after each queue event asks the server to render the board again (an Ajax
 * request of h:commandScript; one at a time, the last event always followed by a fresh picture). Between
 * events it only ticks the longest waits shown, and it asks again exactly when the board said the next
 * alert would turn on if nothing happened (no polling). New SLA alerts are read out once, assertively.
 */
var VentanillaSupervision = (function () {
    "use strict";

    var busy = false;
    var again = false;
    var alertTimer = null;
    var renderedAt = Date.now();
    var announced = {};
    var following = null;

    function board() {
        return document.getElementById("supervision");
    }

    function refresh() {
        var current = board();
        if (!current) {
            return;
        }
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        ventanillaSupervisionRefresh({ unidad: current.dataset.unit, lang: current.dataset.lang });
    }

    function done() {
        busy = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    function rendered() {
        renderedAt = Date.now();
        announce();
        schedule();
        tick();
    }

    // Reads out the alerts that were not on the previous picture; an alert that stays is not repeated,
    // and one that went away and comes back is new again.
    function announce() {
        var now = {};
        var fresh = [];
        document.querySelectorAll("#supervision [data-alert]").forEach(function (alert) {
            var key = alert.dataset.alert + "|" + alert.textContent.trim();
            now[key] = true;
            if (!announced[key]) {
                fresh.push(alert.textContent.trim().replace(/\s+/g, " "));
            }
        });
        announced = now;
        if (fresh.length) {
            var region = document.getElementById("anuncio-sla");
            region.textContent = "";
            // a new text node after a moment: screen readers notice a change, not a re-render
            setTimeout(function () { region.textContent = fresh.join(". "); }, 100);
        }
    }

    function schedule() {
        clearTimeout(alertTimer);
        var current = board();
        var next = current && current.dataset.nextAlert;
        if (next) {
            alertTimer = setTimeout(refresh, Math.min(Number(next) + 250, 2147483000));
        }
    }

    function tick() {
        var elapsed = Date.now() - renderedAt;
        document.querySelectorAll("#supervision [data-waited-ms]").forEach(function (cell) {
            if (cell.dataset.waitedMs === "") {
                return;
            }
            var seconds = Math.floor((Number(cell.dataset.waitedMs) + elapsed) / 1000);
            var rest = seconds % 60;
            cell.textContent = Math.floor(seconds / 60) + " min " + (rest < 10 ? "0" : "") + rest + " s";
        });
    }

    function follow() {
        var current = board();
        if (!current || following) {
            return;
        }
        following = current.dataset.socket;
        var offline = current.dataset.offline;
        VentanillaLive.follow(following, {
            open: function () {
                status("");
                refresh(); // also after a reconnection: events may have been missed meanwhile
            },
            message: refresh,
            close: function () {
                status(offline);
            }
        });
    }

    function status(text) {
        var line = document.getElementById("conexion");
        if (line) {
            line.textContent = text;
        }
    }

    function start() {
        if (!board()) {
            return;
        }
        rendered();
        follow();
        setInterval(tick, 1000);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }

    return {
        /** h:commandScript's onevent: the board was replaced on "success", the request ended on "complete". */
        event: function (data) {
            if (data.status === "success") {
                rendered();
            } else if (data.status === "complete") {
                // "success" follows "complete" in Faces' order of events: finish after it
                setTimeout(done, 0);
            }
        },
        failed: function () {
            busy = false; // the next event, or the socket's reconnection, asks again
        },
        /** Reads the board again now, as an event would. */
        refresh: refresh
    };
})();
