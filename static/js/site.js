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

  function keepFocus(root) {
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
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
