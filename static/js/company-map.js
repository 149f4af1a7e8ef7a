// The company directory's map (Leaflet, vendored under /static/vendor, loaded only when a map is
// opened). Progressive enhancement: without this file, or without tiles, the list is the page.
// Public pages: a button shows the map with a pin for each element carrying data-pin (its first
// link, or data-name, names it); after an htmx swap of the list the pins follow the new list.
// The staff's company form: a click on the map, or a dragged pin, fills latitude and longitude;
// typed coordinates move the pin.
(function () {
  "use strict";

  var loading = null;

  function loadLeaflet(box) {
    if (window.L) return Promise.resolve(window.L);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = box.dataset.leafletCss;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = box.dataset.leafletJs;
      script.onload = function () { resolve(window.L); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return loading;
  }

  function newMap(L, box, canvas) {
    var center = box.dataset.center.split(",").map(Number);
    var map = L.map(canvas, { zoomControl: false }).setView(center, Number(box.dataset.zoom));
    L.control.zoom({ zoomInTitle: box.dataset.zoomIn, zoomOutTitle: box.dataset.zoomOut }).addTo(map);
    // The tile server is told which site asks (its usage policy wants it), not which page.
    L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 19, referrerPolicy: "strict-origin-when-cross-origin" }).addTo(map);
    return map;
  }

  function pinsOnPage() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-pin]")).map(function (element) {
      var link = element.querySelector("a");
      return {
        at: [Number(element.dataset.lat), Number(element.dataset.lng)],
        name: element.dataset.name || (link ? link.textContent.trim() : ""),
        href: link ? link.getAttribute("href") : null
      };
    });
  }

  function showPins(L, box, map, layer) {
    layer.clearLayers();
    var pins = pinsOnPage();
    pins.forEach(function (pin) {
      var marker = L.marker(pin.at, { title: pin.name, alt: pin.name, keyboard: true });
      var label = document.createElement(pin.href ? "a" : "strong");
      label.textContent = pin.name;
      if (pin.href) label.href = pin.href;
      marker.bindPopup(label);
      layer.addLayer(marker);
    });
    box.querySelector("[data-map-note]").textContent = pins.length ? "" : box.dataset.noPins;
    if (pins.length) map.fitBounds(pins.map(function (pin) { return pin.at; }), { maxZoom: 15, padding: [24, 24] });
  }

  function unavailable(box) {
    box.querySelector("[data-map-note]").textContent = box.dataset.unavailable;
  }

  function publicMap(box) {
    var toggle = box.querySelector("[data-map-toggle]");
    var canvas = document.getElementById(toggle.getAttribute("aria-controls"));
    var built = null;
    var building = false;
    box.hidden = false;
    toggle.addEventListener("click", function () {
      var opening = canvas.hidden;
      canvas.hidden = !opening;
      toggle.setAttribute("aria-expanded", String(opening));
      toggle.textContent = opening ? toggle.dataset.hide : toggle.dataset.show;
      if (!opening) return;
      if (built) { built.map.invalidateSize(); showPins(window.L, box, built.map, built.layer); return; }
      if (building) return;  // opened again while Leaflet is still loading
      building = true;
      loadLeaflet(box).then(function (L) {
        var map = newMap(L, box, canvas);
        built = { map: map, layer: L.layerGroup().addTo(map) };
        showPins(L, box, built.map, built.layer);
      }, function () { building = false; unavailable(box); });
    });
    document.addEventListener("htmx:after:swap", function () {
      if (built && document.contains(canvas) && !canvas.hidden) showPins(window.L, box, built.map, built.layer);
    });
  }

  function pickerMap(box) {
    var latitude = document.getElementById("field-latitude");
    var longitude = document.getElementById("field-longitude");
    var canvas = box.querySelector(".company-map__canvas");
    box.hidden = false;
    loadLeaflet(box).then(function (L) {
      var map = newMap(L, box, canvas);
      var marker = null;
      function typed() {
        var at = [parseFloat(latitude.value), parseFloat(longitude.value)];
        return isFinite(at[0]) && isFinite(at[1]) ? at : null;
      }
      function fill(at) {
        latitude.value = at.lat.toFixed(6);
        longitude.value = at.lng.toFixed(6);
      }
      function place(at) {
        if (!marker) {
          marker = L.marker(at, { draggable: true, keyboard: true, title: box.querySelector("[role=region]").getAttribute("aria-label") }).addTo(map);
          marker.on("dragend", function () { fill(marker.getLatLng().wrap()); });
        } else {
          marker.setLatLng(at);
        }
      }
      var start = typed();
      if (start) { place(start); map.setView(start, 16); }
      map.on("click", function (event) {
        var at = event.latlng.wrap();  // a click on a copy of the world east or west of this one
        place(at);
        fill(at);
      });
      [latitude, longitude].forEach(function (field) {
        field.addEventListener("change", function () {
          var at = typed();
          if (at) { place(at); map.panTo(at); }
        });
      });
    }, function () { unavailable(box); });
  }

  // Every map box once: at load, and in a page htmx swapped in whole (Back after a filter change).
  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-company-map]:not([data-set-up])"), function (box) {
      box.setAttribute("data-set-up", "");
      if (box.hasAttribute("data-picker")) pickerMap(box); else publicMap(box);
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:after:swap", setUp);
})();
