// The backups screen follows a run in place: while the runs region says one goes on, the hidden
// "Actualizar" button is pressed every 2 seconds (a Faces ajax request re-renders the runs and the list).
(function () {
    "use strict";
    var button = document.getElementById("actualizar");
    if (!button) {
        return;
    }
    button.hidden = true;
    function running() {
        var region = document.getElementById("estado-ejecuciones");
        return region && region.getAttribute("data-running") === "true";
    }
    var rounds = 0;
    var timer = window.setInterval(function () {
        rounds++;
        // a run of several hours is followed for one hour; then the page refreshes on demand
        if (rounds > 1800) {
            window.clearInterval(timer);
            button.hidden = false;
            return;
        }
        if (running()) {
            button.click();
        }
    }, 2000);
})();
