/*
 * The waiting-room screen: follows the unit's web socket, shows and announces each call (chime and
 * Spanish voice), refreshes the counts and the paused stations from the public snapshot after every
 * event (a station pausing or resuming is one); the live line (live-line.js) reconnects by itself
 * with a growing pause when the server restarts.
 */
(function () {
    "use strict";

    var screen = document.getElementById("pantalla");
    if (!screen) {
        return;
    }
    var data = screen.dataset;
    var EARLIER = 6;
    var audio = null;

    function follow() {
        VentanillaLive.follow(data.socket, {
            open: function () {
                status("");
                refresh();
            },
            message: function (message) {
                if (message.kind === "called" || message.kind === "recalled") {
                    show(message);
                    announce(message);
                }
                refresh();
            },
            close: function () {
                status(data.offline);
            }
        });
    }

    function status(text) {
        document.getElementById("conexion").textContent = text;
    }

    function show(message) {
        document.getElementById("llamado-numero").textContent = message.number;
        document.getElementById("llamado-modulo").textContent = message.stationName || "";
        var current = screen.querySelector(".display-current");
        current.classList.remove("flash");
        void current.offsetWidth; // restarts the animation
        current.classList.add("flash");
    }

    // The snapshot is the truth: counts, estimates and the list of calls, also after a missed message.
    // Two events in a row start two reads whose answers may arrive in either order: only the answer to
    // the latest read is shown, so an older picture never replaces a newer one.
    var reads = 0;

    function refresh() {
        var read = ++reads;
        fetch(data.snapshot, { headers: { "Accept": "application/json" }, cache: "no-store" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (snapshot) {
                if (snapshot && read === reads) {
                    render(snapshot);
                }
            })
            .catch(function () { /* the socket's reconnection brings the next refresh */ });
    }

    function render(snapshot) {
        var calls = snapshot.lastCalls || [];
        if (calls.length > 0) {
            document.getElementById("llamado-numero").textContent = calls[0].number;
            document.getElementById("llamado-modulo").textContent = calls[0].stationName || "";
        }
        var list = document.getElementById("llamados");
        list.replaceChildren.apply(list, calls.slice(1, EARLIER + 1).map(function (call) {
            var item = document.createElement("li");
            item.append(cell("span", call.number, "display-list-number"), " ", cell("span", call.stationName));
            return item;
        }));
        var paused = document.getElementById("en-pausa");
        var names = (snapshot.pausedStations || []).map(function (station) { return station.name; });
        paused.textContent = names.length ? paused.dataset.template.replace("{0}", names.join(", ")) : "";
        var rows = document.getElementById("servicios");
        rows.replaceChildren.apply(rows, (snapshot.services || []).map(function (line) {
            var row = document.createElement("tr");
            var name = cell("th", "");
            name.scope = "row";
            name.append(cell("span", line.prefix, "prefix"), " " + line.name);
            row.append(name, cell("td", String(line.waiting)),
                cell("td", line.waitMinutesP50 + "–" + line.waitMinutesP90 + " " + data.minutes));
            return row;
        }));
    }

    function cell(tag, text, className) {
        var element = document.createElement(tag);
        element.textContent = text;
        if (className) {
            element.className = className;
        }
        return element;
    }

    function announce(message) {
        chime();
        // the chime first, then the voice, so the room looks up before the number is said
        setTimeout(function () { speak(message); }, 900);
    }

    function chime() {
        var context = audioContext();
        if (!context) {
            return;
        }
        var start = context.currentTime;
        [880, 660].forEach(function (frequency, i) {
            var tone = context.createOscillator();
            var volume = context.createGain();
            tone.type = "sine";
            tone.frequency.value = frequency;
            volume.gain.setValueAtTime(0.0001, start + i * 0.35);
            volume.gain.exponentialRampToValueAtTime(0.4, start + i * 0.35 + 0.03);
            volume.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.5);
            tone.connect(volume).connect(context.destination);
            tone.start(start + i * 0.35);
            tone.stop(start + i * 0.35 + 0.55);
        });
    }

    function audioContext() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) {
            return null;
        }
        if (!audio) {
            audio = new Context();
        }
        if (audio.state === "suspended") {
            // the browser wants a touch before it plays sound: offer the button once
            audio.resume();
            document.getElementById("activar-sonido").hidden = false;
        }
        return audio;
    }

    function speak(message) {
        if (!("speechSynthesis" in window)) {
            return;
        }
        var text = data.numberWord + " " + message.spokenNumber
            + (message.stationNumber != null ? ", " + data.stationWord + " " + message.stationNumber : "");
        var utterance = new SpeechSynthesisUtterance(text);
        var voices = speechSynthesis.getVoices();
        var voice = voices.find(function (v) { return v.lang === "es-CL"; })
            || voices.find(function (v) { return v.lang && v.lang.toLowerCase().indexOf("es") === 0; });
        utterance.lang = voice ? voice.lang : "es-CL";
        if (voice) {
            utterance.voice = voice;
        }
        utterance.rate = 0.9;
        speechSynthesis.speak(utterance);
    }

    function tick() {
        document.getElementById("reloj").textContent = new Date().toLocaleTimeString("es-CL",
            { hour: "2-digit", minute: "2-digit", timeZone: "America/Santiago" });
    }

    document.getElementById("activar-sonido").addEventListener("click", function (event) {
        audioContext();
        if (audio) {
            audio.resume();
        }
        event.target.hidden = true;
    });
    if ("speechSynthesis" in window) {
        speechSynthesis.getVoices(); // some browsers load the voices on the first request
    }
    tick();
    setInterval(tick, 1000);
    follow();
})();
