// Progressive enhancement only: every page works without this file.
// After an htmx swap: announce the new content's summary in the live region that exists
// from page load, and keep keyboard focus from falling back to <body>.
(function () {
  "use strict";

  function announce(root) {
    var region = document.getElementById("live-status");
    var source = root.querySelector("[data-announce]") || (root.matches("[data-announce]") ? root : null);
    if (region && source) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = source.textContent.trim(); }, 50);
    }
  }

  // A control that is swapped out and back (a roster's buttons) keeps focus through its id.
  var focusedId = null;
  document.addEventListener("htmx:before:swap", function () {
    var active = document.activeElement;
    focusedId = active && active.id ? active.id : null;
  });

  function keepFocus(root) {
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    var same = focusedId && document.getElementById(focusedId);
    if (same) { same.focus(); return; }
    var heading = root.querySelector("[data-focus-after-swap]") || document.querySelector("[data-focus-after-swap]");
    if (heading) heading.focus();
  }

  document.addEventListener("htmx:after:swap", function (event) {
    var target = event.detail && event.detail.ctx && event.detail.ctx.target;
    var root = target && document.contains(target) ? target : document.getElementById("main") || document.body;
    announce(root);
    keepFocus(root);
  });
})();

// GOV.UK pattern: after a form comes back with errors, focus its error summary so screen
// readers announce it and keyboard users start from the list of links to each field.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-focus-first]");
    if (summary) summary.focus();
  });

  // Seat counts poll only while the page is visible: a hidden tab costs the server nothing.
  document.addEventListener("htmx:before:request", function (event) {
    var source = event.detail && event.detail.ctx && event.detail.ctx.sourceElement;
    if (document.hidden && source && source.hasAttribute("data-poll")) event.preventDefault();
  });
})();

// The calendar's filter form carries the month shown; after the month changes in place, so
// does the form, so a filter change keeps the month the person is looking at.
document.addEventListener("htmx:after:swap", function () {
  "use strict";
  var calendar = document.getElementById("calendar");
  var month = document.querySelector("#calendar-filters input[name=month]");
  if (calendar && month && calendar.dataset.month) month.value = calendar.dataset.month;
});

// Before an idle session ends, ask in an alertdialog with focus on 계속 (WCAG 2.2.1): one press
// asks the server to keep the session and starts the count again, as often as needed.
(function () {
  "use strict";
  var body = document.body;
  // The server notes activity at most every 15 s: count from the earliest it may have.
  var idle = Number(body && body.dataset.sessionIdle) - 15;
  if (!(idle > 0)) return;
  var lead = Math.min(Number(body.dataset.sessionWarning) || 60, idle - 1);
  var dialog = document.getElementById("session-warning");
  var button = dialog && dialog.querySelector("[data-keep-session]");
  var returnFocus = null;
  var warnTimer, endTimer;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(warn, (idle - lead) * 1000);
    endTimer = window.setTimeout(function () {
      window.location.assign(button.dataset.loginUrl + "?next=" + encodeURIComponent(window.location.pathname + window.location.search));
    }, idle * 1000);
  }

  function warn() {
    returnFocus = document.activeElement;
    dialog.hidden = false;
    button.focus();
  }

  button.addEventListener("click", function () {
    window.fetch(button.dataset.keepSession, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) { window.location.reload(); return; }
      dialog.hidden = true;
      if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
      schedule();
    });
  });

  document.addEventListener("htmx:after:request", schedule);
  schedule();
})();
