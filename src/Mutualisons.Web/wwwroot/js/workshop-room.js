// The workshop room on a phone: live without a circuit. The page is plain server-rendered forms that work without
// this script; the script adds three things. (1) An EventSource on the room's event stream reloads the page when
// the room changes, unless the person is typing: then a polite banner offers the update. (2) What is typed is kept
// in sessionStorage per workshop and step, and put back after any reload, reconnection or failed post. (3) A
// connection status in a polite live region. EventSource reconnects by itself; coming back online re-fetches.
(function () {
    "use strict";
    var room = document.querySelector(".room[data-events]");
    if (!room) {
        return;
    }
    var storeKey = room.getAttribute("data-store");
    var status = room.querySelector(".room-status");
    var banner = room.querySelector(".room-banner");
    var fields = Array.prototype.slice.call(room.querySelectorAll("[data-keep]"));

    function keyOf(field) {
        var form = field.closest("form");
        return storeKey + ":" + (form ? form.getAttribute("data-form") : "") + ":" + field.getAttribute("data-keep");
    }

    function storage() {
        try {
            return window.sessionStorage;
        } catch (e) {
            return null;
        }
    }

    // (2) Keep and restore typed text. A form the server says it saved starts empty again.
    var store = storage();
    var savedForm = room.getAttribute("data-saved-form");
    fields.forEach(function (field) {
        var key = keyOf(field);
        var form = field.closest("form");
        if (store) {
            if (savedForm && form && form.getAttribute("data-form") === savedForm) {
                store.removeItem(key);
            } else if (!field.value && store.getItem(key)) {
                field.value = store.getItem(key);
            }
        }
        field.addEventListener("input", function () {
            if (store) {
                store.setItem(key, field.value);
            }
            count(field);
        });
        count(field);
    });

    // The character counter of a note: "n / max", announced only when read.
    function count(field) {
        var describedBy = field.getAttribute("aria-describedby");
        var counter = describedBy ? document.getElementById(describedBy) : null;
        if (!counter || !counter.hasAttribute("data-max")) {
            return;
        }
        var template = room.getAttribute("data-count") || "{0} / {1}";
        counter.textContent = template.replace("{0}", field.value.length).replace("{1}", counter.getAttribute("data-max"));
    }

    function typing() {
        return fields.some(function (field) {
            return field.value.trim().length > 0 && (document.activeElement === field || field.value !== field.defaultValue);
        });
    }

    // (3) Connection status.
    function say(text, state) {
        if (status && status.textContent !== text) {
            status.textContent = text;
        }
        if (status) {
            status.setAttribute("data-state", state);
        }
    }

    function refresh(kind) {
        if (!typing()) {
            window.location.reload();
            return;
        }
        // Someone typing is never interrupted: a step change is offered, new results wait for the next reload.
        if (kind !== "answers" && banner) {
            banner.hidden = false;
        }
    }

    if (banner) {
        banner.querySelector("button").addEventListener("click", function () {
            window.location.reload();
        });
    }

    // (1) The room's events.
    if (window.EventSource) {
        var source = new EventSource(room.getAttribute("data-events"));
        source.addEventListener("open", function () {
            // A stream that opens just as the phone loses its network does not make it look online.
            if (navigator.onLine === false) {
                return;
            }
            say(room.getAttribute("data-online"), "online");
        });
        source.addEventListener("error", function () {
            say(room.getAttribute("data-reconnecting"), "reconnecting");
        });
        source.addEventListener("room", function () {
            refresh("room");
        });
        source.addEventListener("answers", function () {
            refresh("answers");
        });
        window.addEventListener("pagehide", function () {
            source.close();
        });
    }
    window.addEventListener("offline", function () {
        say(room.getAttribute("data-reconnecting"), "reconnecting");
    });
    // Back online: what was missed is read again (the stream may not have seen it).
    window.addEventListener("online", function () {
        refresh("room");
    });
})();
