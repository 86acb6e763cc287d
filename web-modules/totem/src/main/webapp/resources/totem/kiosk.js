// Back to the start after a while without a touch, and through a network or server blip: the kiosk
// only navigates once the server answers, showing a calm notice meanwhile instead of a browser error.
(function () {
    "use strict";
    function go(url) {
        fetch(url, {method: "HEAD", cache: "no-store", credentials: "same-origin"})
            .then(function (r) {
                if (r.status >= 500) { throw new Error(String(r.status)); }
                location.href = url;
            })
            .catch(function () {
                document.body.classList.add("kiosk-offline");
                setTimeout(function () { go(url); }, 5000);
            });
    }
    document.addEventListener("DOMContentLoaded", function () {
        var body = document.body;
        var home = body.getAttribute("data-home");
        var idle = parseInt(body.getAttribute("data-idle"), 10) * 1000;
        var notice = document.createElement("p");
        notice.className = "kiosk-reconnecting";
        notice.setAttribute("role", "status");
        notice.textContent = body.getAttribute("data-reconnecting");
        body.appendChild(notice);
        var timer;
        function restart() {
            clearTimeout(timer);
            if (home) { timer = setTimeout(function () { go(home); }, idle); }
        }
        ["pointerdown", "touchstart"].forEach(function (e) { document.addEventListener(e, restart, {passive: true}); });
        restart();
        // links check the server first too, so a touch during a blip never lands on a browser error page
        document.addEventListener("click", function (e) {
            var link = e.target.closest("a[href]");
            // Faces command links post their form themselves (href="#", an onclick): leave them alone
            if (link && !e.defaultPrevented && !link.hasAttribute("onclick") && link.getAttribute("href").charAt(0) !== "#"
                    && link.origin === location.origin) {
                e.preventDefault();
                go(link.href);
            }
        });
        if (body.hasAttribute("data-print")) { window.print(); }
    });
})();
