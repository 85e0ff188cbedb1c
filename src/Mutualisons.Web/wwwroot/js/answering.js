// Progressive enhancement of the answering pages: without this script every question shows (with a hint
// saying when to answer it) and the server applies the conditions; with it, a conditional question
// appears only when the answer it depends on matches.
(function () {
    "use strict";
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
    function init() {
        document.querySelectorAll(".answer-form").forEach(function (form) {
            form.classList.add("js-conditions");
            apply(form);
            form.addEventListener("change", function () { apply(form); });
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
