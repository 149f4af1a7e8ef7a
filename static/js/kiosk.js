// The lobby kiosk. Progressive enhancement: every screen works as plain links and forms without
// this file. With it:
// - screens swap in place (hx-boost in the layout) and each replaces the one history entry, so
//   Back never shows an earlier visitor's screen;
// - after the idle time an alertdialog asks to continue, with a countdown; any tap or key carries
//   on; at zero (or on 처음으로 after applying) the kiosk resets for the next visitor;
// - 큰 글씨 and 고대비 switch in place, keeping what was typed;
// - the application form shows one step at a time, with on-screen keypads for its fields.
(function () {
  "use strict";

  var ACTIVITY = ["pointerdown", "keydown", "input", "wheel"];

  function kiosk() { return document.querySelector("[data-kiosk]"); }

  function post(form) {
    return window.fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
      redirect: "manual",
    });
  }

  // ---- Reset: forget the visit on the server, clear what the browser holds, start afresh. ----

  var resetting = false;

  function reset(form) {
    if (resetting) return;
    resetting = true;
    var start = form.dataset.start || "/kiosk";
    function restart() {
      try { window.localStorage.clear(); window.sessionStorage.clear(); } catch (ignored) { /* storage off */ }
      window.location.replace(start);
    }
    post(form).then(restart, restart);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("[data-kiosk-reset]")) {
      event.preventDefault();
      reset(form);
    } else if (form.matches("[data-display-toggle]")) {
      event.preventDefault();
      toggleDisplay(form);
    }
  });

  // ---- Inactivity: ask after the idle time, count down, reset at zero. ----

  var idleTimer = null;
  var countTimer = null;
  var remaining = 0;
  var returnFocus = null;

  function dialog() { return document.getElementById("kiosk-idle"); }

  function schedule() {
    var root = kiosk();
    window.clearTimeout(idleTimer);
    if (!root) return;
    var idle = Number(root.dataset.idle);
    if (idle > 0) idleTimer = window.setTimeout(warn, idle * 1000);
  }

  function warn() {
    var root = kiosk();
    var box = dialog();
    if (!root || !box) return;
    returnFocus = document.activeElement;
    remaining = Number(root.dataset.warning) || 60;
    showCount(box);
    box.hidden = false;
    box.querySelector("[data-kiosk-continue]").focus();
    countTimer = window.setInterval(function () {
      remaining -= 1;
      showCount(box);
      if (remaining <= 0) {
        window.clearInterval(countTimer);
        reset(box.querySelector("[data-kiosk-reset]"));
      }
    }, 1000);
  }

  function showCount(box) {
    var count = box.querySelector("[data-countdown]");
    if (count) count.textContent = String(Math.max(remaining, 0));
  }

  function carryOn() {
    var box = dialog();
    window.clearInterval(countTimer);
    if (box && !box.hidden) {
      box.hidden = true;
      if (returnFocus && document.contains(returnFocus) && returnFocus !== document.body) returnFocus.focus();
    }
    schedule();
  }

  function activity(event) {
    if (resetting) return;
    var box = dialog();
    // A tap on 처음으로 in the dialog is a choice to end, not a sign of someone carrying on.
    if (box && !box.hidden && event.target.closest && event.target.closest("[data-kiosk-reset]")) return;
    carryOn();
  }

  ACTIVITY.forEach(function (name) { document.addEventListener(name, activity, true); });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-kiosk-continue]")) carryOn();
  });

  // ---- 큰 글씨 / 고대비 without a reload (the cookie is set by the same form's post). ----

  function toggleDisplay(form) {
    var button = form.querySelector("[data-mode]");
    var on = button.getAttribute("aria-pressed") !== "true";
    var classes = { text: "kiosk--large", contrast: "kiosk--contrast" };
    post(form).then(function () {
      var root = kiosk();
      button.setAttribute("aria-pressed", on ? "true" : "false");
      if (root) root.classList.toggle(classes[button.dataset.mode], on);
      button.focus();
    });
  }

  // ---- The application form: one step at a time. ----

  function wizard(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
    var next = document.querySelector("[data-step-next]");
    var back = document.querySelector("[data-step-back]");
    var current = 0;
    var invalid = form.querySelector("[aria-invalid=true]");
    if (invalid) current = Math.max(0, steps.indexOf(invalid.closest("[data-step]")));

    function show(index, moveFocus) {
      current = index;
      steps.forEach(function (step, i) { step.hidden = i !== index; });
      if (next) next.hidden = index === steps.length - 1;
      if (moveFocus) {
        var field = steps[index].querySelector("input:not([type=hidden])");
        if (field) field.focus();
      }
    }

    function complain(input, message) {
      var field = input.closest(".field");
      var error = field.querySelector(".field-error");
      if (!error) {
        error = document.createElement("p");
        error.className = "field-error";
        error.id = "error-" + input.name;
        field.insertBefore(error, input);
      }
      error.textContent = message;
      field.classList.add("field--error");
      input.setAttribute("aria-invalid", "true");
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (described.indexOf(error.id) < 0) described.push(error.id);
      input.setAttribute("aria-describedby", described.join(" "));
      input.focus();
    }

    // The quick checks of a step before the next one; the server checks everything again.
    function stepIsDone() {
      var step = steps[current];
      var input = step.querySelector("input:not([type=hidden])");
      if (!step.dataset.check || !input) return true;
      var digits = input.value.replace(/\D/g, "");
      var ok = step.dataset.check === "name" ? input.value.trim() !== "" :
        step.dataset.check === "mobile" ? /^01\d{8,9}$/.test(digits) : /^\d{4}$/.test(digits);
      if (!ok) complain(input, step.dataset.message);
      return ok;
    }

    if (next) {
      next.addEventListener("click", function () {
        if (stepIsDone()) show(current + 1, true);
      });
    }
    if (back) {
      back.addEventListener("click", function (event) {
        if (current > 0) { event.preventDefault(); event.stopImmediatePropagation(); show(current - 1, true); }
      }, true);
    }
    // Enter in a field goes to the next step, as 다음 does; only the last step sends the form.
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("input:not([type=checkbox])") && current < steps.length - 1) {
        event.preventDefault();
        if (stepIsDone()) show(current + 1, true);
      }
    });
    // The error summary's links open the step of their field.
    document.querySelectorAll(".error-summary a[href^='#field-']").forEach(function (link) {
      link.addEventListener("click", function () {
        var input = document.getElementById(link.getAttribute("href").slice(1));
        var step = input && input.closest("[data-step]");
        if (step) show(steps.indexOf(step), false);
      });
    });
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending) { event.preventDefault(); return; } // one application per tap
      form.dataset.sending = "1";
    });
    show(current, false);
  }

  // ---- Keypads: keys type into their field; the field stays a real input for a keyboard. ----

  var CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  var JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  var JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";
  var VOWEL_PAIRS = { "ㅗㅏ": "ㅘ", "ㅗㅐ": "ㅙ", "ㅗㅣ": "ㅚ", "ㅜㅓ": "ㅝ", "ㅜㅔ": "ㅞ", "ㅜㅣ": "ㅟ", "ㅡㅣ": "ㅢ" };
  var FINAL_PAIRS = { "ㄱㅅ": "ㄳ", "ㄴㅈ": "ㄵ", "ㄴㅎ": "ㄶ", "ㄹㄱ": "ㄺ", "ㄹㅁ": "ㄻ", "ㄹㅂ": "ㄼ", "ㄹㅅ": "ㄽ", "ㄹㅌ": "ㄾ", "ㄹㅍ": "ㄿ", "ㄹㅎ": "ㅀ", "ㅂㅅ": "ㅄ" };

  function syllable(l, v, t) { return String.fromCharCode(0xac00 + (l * 21 + v) * 28 + t); }

  function parts(ch) {
    var code = ch ? ch.charCodeAt(0) - 0xac00 : -1;
    if (code < 0 || code > 11171) return null;
    return { l: Math.floor(code / 588), v: Math.floor((code % 588) / 28), t: code % 28 };
  }

  function pairOf(pairs, combined) {
    for (var key in pairs) if (pairs[key] === combined) return key;
    return null;
  }

  // 두벌식: the letter typed joins the last character as an IME would put it.
  function addJamo(text, jamo) {
    var head = text.slice(0, -1);
    var last = text.slice(-1);
    var p = parts(last);
    if (JUNG.indexOf(jamo) < 0) { // a consonant
      if (p && p.t === 0 && JONG.indexOf(jamo) > 0) return head + syllable(p.l, p.v, JONG.indexOf(jamo));
      if (p && p.t > 0 && FINAL_PAIRS[JONG[p.t] + jamo]) return head + syllable(p.l, p.v, JONG.indexOf(FINAL_PAIRS[JONG[p.t] + jamo]));
      return text + jamo;
    }
    if (CHO.indexOf(last) >= 0) return head + syllable(CHO.indexOf(last), JUNG.indexOf(jamo), 0);
    if (p && p.t === 0 && VOWEL_PAIRS[JUNG[p.v] + jamo]) return head + syllable(p.l, JUNG.indexOf(VOWEL_PAIRS[JUNG[p.v] + jamo]), 0);
    if (p && p.t > 0) { // the final consonant moves to start the new syllable: 간 + ㅏ = 가나
      var pair = pairOf(FINAL_PAIRS, JONG[p.t]);
      var stays = pair ? JONG.indexOf(pair[0]) : 0;
      var moves = pair ? pair[1] : JONG[p.t];
      if (CHO.indexOf(moves) >= 0) return head + syllable(p.l, p.v, stays) + syllable(CHO.indexOf(moves), JUNG.indexOf(jamo), 0);
    }
    return text + jamo;
  }

  function removeLast(text) {
    var head = text.slice(0, -1);
    var p = parts(text.slice(-1));
    if (!p) return head;
    if (p.t > 0) {
      var pair = pairOf(FINAL_PAIRS, JONG[p.t]);
      return head + syllable(p.l, p.v, pair ? JONG.indexOf(pair[0]) : 0);
    }
    var vowels = pairOf(VOWEL_PAIRS, JUNG[p.v]);
    return head + (vowels ? syllable(p.l, JUNG.indexOf(vowels[0]), 0) : CHO[p.l]);
  }

  function formatMobile(digits) {
    if (digits.length <= 3) return digits;
    if (digits.length <= 7) return digits.slice(0, 3) + "-" + digits.slice(3);
    return digits.slice(0, 3) + "-" + digits.slice(3, -4) + "-" + digits.slice(-4);
  }

  function keypad(pad) {
    var input = document.getElementById(pad.dataset.for);
    if (!input) return;
    var max = Number(input.getAttribute("maxlength")) || 50;
    var shift = pad.querySelector("[data-key-shift]");
    var layer = pad.querySelector("[data-key-layer]");
    pad.hidden = false;
    input.setAttribute("inputmode", "none"); // the keypad, not the system's on-screen keyboard

    function write(value) {
      if (pad.dataset.keypad === "digits") {
        var digits = value.replace(/\D/g, "").slice(0, pad.dataset.format === "mobile" ? 11 : max);
        value = pad.dataset.format === "mobile" ? formatMobile(digits) : digits;
      }
      input.value = value.slice(0, max);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function setShift(on) {
      if (!shift) return;
      shift.setAttribute("aria-pressed", on ? "true" : "false");
      pad.querySelectorAll("[data-shift]").forEach(function (key) {
        if (!key.dataset.plain) key.dataset.plain = key.dataset.key;
        key.dataset.key = on ? key.dataset.shift : key.dataset.plain;
        key.textContent = key.dataset.key;
      });
    }

    // Keep the caret in the field: a tap on a key must not take the focus away from it.
    pad.addEventListener("pointerdown", function (event) {
      if (document.activeElement === input) event.preventDefault();
    });
    pad.addEventListener("click", function (event) {
      var key = event.target.closest("button");
      if (!key) return;
      if (key.hasAttribute("data-key-delete")) {
        write(pad.dataset.keypad === "letters" ? removeLast(input.value) : input.value.replace(/\D$/, "").slice(0, -1));
      } else if (key.hasAttribute("data-key-clear")) {
        write("");
      } else if (key.hasAttribute("data-key-shift")) {
        setShift(shift.getAttribute("aria-pressed") !== "true");
      } else if (key.hasAttribute("data-key-layer")) {
        var latin = pad.querySelector("[data-layer=latin]");
        latin.hidden = !latin.hidden;
        pad.querySelector("[data-layer=hangul]").hidden = !latin.hidden;
        shift.hidden = !latin.hidden;
        key.textContent = latin.hidden ? key.dataset.labelLatin : key.dataset.labelHangul;
      } else if (key.dataset.key) {
        var ch = key.dataset.key;
        write(JUNG.indexOf(ch) >= 0 || CHO.indexOf(ch) >= 0 ? addJamo(input.value, ch) : input.value + ch);
        if (shift && shift.getAttribute("aria-pressed") === "true") setShift(false);
      }
    });
  }

  // ---- Set up each screen: on load and after every swap. ----

  // Only a new screen is set up: the seat counts that refresh themselves are swaps too, and they
  // must neither count as activity nor set anything up twice.
  function enhance() {
    var root = kiosk();
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    window.clearInterval(countTimer);
    root.querySelectorAll("[data-keypad]").forEach(keypad);
    var form = root.querySelector("form[data-wizard]");
    if (form) wizard(form);
    var summary = root.querySelector("[data-focus-first]");
    if (summary) summary.focus();
    // The start screen with nothing to reset waits for a first tap before it counts.
    if (!root.hasAttribute("data-at-rest")) schedule();
  }

  document.addEventListener("htmx:after:swap", enhance);
  document.addEventListener("DOMContentLoaded", enhance);

  // A floor under the visit: each full page load puts an entry of its own below the current one,
  // so Back never reaches what was before the kiosk (or, after a reset, the last visitor's
  // screens). Back onto the floor resets the kiosk, or on an untouched start screen stays there.
  if (!history.state) {
    history.replaceState({ kiosk: "floor" }, "");
    history.pushState({ kiosk: "top" }, "");
  }
  window.addEventListener("popstate", function (event) {
    if (!event.state || event.state.kiosk !== "floor") return;
    var root = kiosk();
    if (root && root.hasAttribute("data-at-rest")) history.pushState({ kiosk: "top" }, "");
    else reset(document.querySelector("#kiosk-idle [data-kiosk-reset]"));
  });
  // A page brought back from the back/forward cache could be an earlier screen: load it afresh.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) window.location.reload();
  });
})();
