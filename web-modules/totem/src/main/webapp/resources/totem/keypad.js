// The on-screen keypad of the check-in: the kiosk has no keyboard, so each key types into the field it
// names; "back" erases the last character and "clear" everything.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var pad = document.querySelector(".keypad");
        if (!pad) { return; }
        var field = document.getElementById(pad.getAttribute("data-target"));
        pad.addEventListener("click", function (e) {
            var key = e.target.closest(".keypad-key");
            if (!key) { return; }
            var value = field.value;
            if (key.hasAttribute("data-key")) {
                if (value.length < (parseInt(field.getAttribute("maxlength"), 10) || 20)) {
                    field.value = value + key.getAttribute("data-key");
                }
            } else if (key.getAttribute("data-action") === "back") {
                field.value = value.slice(0, -1);
            } else {
                field.value = "";
            }
        });
    });
})();
