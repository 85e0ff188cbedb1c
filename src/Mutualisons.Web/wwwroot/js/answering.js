// Progressive enhancement of the answering pages (a static file: the pages allow no inline script).
// 1. Conditions: without this script every question shows (with a hint saying when to answer it) and the
//    server applies the conditions; with it, a conditional question appears only when the answer it depends
//    on matches.
// 2. Saving while typing: the page's answers are posted in the background (the same form, antiforgery token
//    included, to the page's address + "/autosave", which validates and saves as the "save" button does), a
//    moment after the respondent stops typing, and when the page is hidden or left. Without this script the
//    page says that answers are saved when the page changes or "save" is pressed, which is then what is true.
(function () {
    "use strict";
    var TYPING_PAUSE = 1200; // ms after the last key before saving
    var CHOICE_PAUSE = 300;  // ms after a click on a choice

    function chosen(form, questionKey) {
        var values = [];
        form.querySelectorAll('[name="a-' + questionKey + '"]').forEach(function (input) {
            // A hidden question's answer does not count: conditions chain.
            if (!input.disabled && ((input.type === "radio" || input.type === "checkbox") ? input.checked : input.value)) {
                values.push(input.value);
            }
        });
        return values;
    }
    function apply(form) {
        // Several passes, so that hiding a question also hides what depends on it.
        for (var pass = 0; pass < 5; pass++) {
            applyOnce(form);
        }
    }
    function applyOnce(form) {
        form.querySelectorAll("[data-show-if]").forEach(function (block) {
            var source = block.getAttribute("data-show-if");
            if (!form.querySelector('[name="a-' + source + '"]')) {
                return; // decided by the server: the answer is on an earlier page
            }
            var wanted = (block.getAttribute("data-show-values") || "").split(" ");
            var show = chosen(form, source).some(function (v) { return wanted.indexOf(v) >= 0; });
            block.hidden = !show;
            block.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !show; });
        });
    }

    function autosave(form) {
        var url = form.getAttribute("data-autosave");
        var status = form.querySelector(".answer-autosave");
        var seen = form.querySelector('input[name="seen"]');
        if (!url || !status || !seen || !window.fetch || !window.FormData) {
            return;
        }
        var note = form.querySelector(".answer-resume-note");
        if (note && form.getAttribute("data-autosave-note")) {
            note.textContent = form.getAttribute("data-autosave-note");
        }
        var timer = null;
        var dirty = false;      // typed since the last save sent
        var inFlight = false;
        var again = false;      // typed while a save was on its way
        var halted = false;     // changed elsewhere, or closed: the respondent decides, not the script
        var submitting = false; // a button was pressed: the form's own post saves
        var beaconSent = false;
        var held = null;        // a button pressed while a background save was on its way

        function show(state) {
            status.hidden = false;
            status.setAttribute("data-state", state);
            status.textContent = form.getAttribute("data-" + state) || "";
        }
        function body(ownSaveOnItsWay) {
            var data = new FormData(form);
            data.set("move", "Save");
            if (ownSaveOnItsWay) {
                // This page's own save, still on its way, will change the version this page knows: compared
                // with it, the page's last answers would be taken for another tab's and refused.
                data.delete("seen");
            }
            return data;
        }
        function handle(response) {
            return response.json().then(function (answer) {
                if (answer.version) {
                    // The next save compares with what this page itself last saved.
                    seen.value = answer.version;
                }
                if (answer.state === "conflict" || answer.state === "closed") {
                    halted = true;
                }
                show(answer.state === "saved" || answer.state === "invalid" || answer.state === "conflict" || answer.state === "closed" ? answer.state : "failed");
            });
        }
        function save(keepalive) {
            timer = null;
            if (!dirty || halted || submitting) {
                return;
            }
            if (inFlight) {
                again = true;
                return;
            }
            dirty = false;
            inFlight = true;
            show("saving");
            fetch(url, { method: "POST", body: body(false), credentials: "same-origin", keepalive: !!keepalive, headers: { "Accept": "application/json" } })
                .then(handle)
                .catch(function () { dirty = true; show("failed"); })
                .then(function () {
                    inFlight = false;
                    if (held) {
                        // The button pressed meanwhile now posts the page, with the version just saved.
                        var button = held.button;
                        held = null;
                        if (form.requestSubmit) {
                            form.requestSubmit(button);
                        } else {
                            form.submit();
                        }
                        return;
                    }
                    if (again) {
                        again = false;
                        dirty = true;
                        save(false);
                    }
                });
        }
        function later(pause) {
            dirty = true;
            if (timer) {
                clearTimeout(timer);
            }
            timer = setTimeout(function () { save(false); }, pause);
        }
        form.addEventListener("input", function (event) {
            var type = event.target && event.target.type;
            later(type === "radio" || type === "checkbox" || event.target.tagName === "SELECT" ? CHOICE_PAUSE : TYPING_PAUSE);
        });
        form.addEventListener("change", function () { later(CHOICE_PAUSE); });
        form.addEventListener("submit", function (event) {
            if (timer) {
                clearTimeout(timer);
            }
            if (inFlight) {
                // Wait for this page's own background save: posted now, the page would carry the version from
                // before that save and be told that another tab changed its answers.
                event.preventDefault();
                held = { button: event.submitter || null };
                submitting = true;
                return;
            }
            submitting = true;
        });
        // Hidden (another tab, the phone locked): save now, and read the answer if the page lives on.
        document.addEventListener("visibilitychange", function () {
            if (document.visibilityState === "hidden" && dirty) {
                if (timer) {
                    clearTimeout(timer);
                }
                save(true);
            }
        });
        // Left (tab closed, link followed): a beacon outlives the page.
        window.addEventListener("pagehide", function () {
            if (dirty && !halted && !submitting && navigator.sendBeacon && navigator.sendBeacon(url, body(inFlight))) {
                dirty = false;
                beaconSent = true;
            }
        });
        // Back from the browser's page cache after a beacon: the page's version is older than what was saved.
        window.addEventListener("pageshow", function (event) {
            if (event.persisted && beaconSent) {
                window.location.reload();
            }
        });
    }

    function init() {
        document.querySelectorAll(".answer-form").forEach(function (form) {
            form.classList.add("js-conditions");
            apply(form);
            form.addEventListener("change", function () { apply(form); });
            autosave(form);
        });
        var problems = document.getElementById("answer-problems");
        if (problems) {
            problems.focus();
        }
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
