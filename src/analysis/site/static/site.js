/* The reader's site (analysis.site): layer switches and counterpart selection. No network, no eval. */
(function () {
  "use strict";
  var root = document.documentElement;
  var status = document.getElementById("selection");
  var data = document.getElementById("counterparts");
  var counterparts = data ? JSON.parse(data.textContent) : {};

  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    function apply() { root.classList.toggle("hide-" + box.dataset.layer, !box.checked); }
    box.addEventListener("change", apply);
    apply();
  });

  function outletOf(el) {
    var article = el.closest(".article");
    return article ? article.dataset.outlet : "";
  }

  function clear() {
    document.querySelectorAll(".quote-on").forEach(function (el) { el.classList.remove("quote-on"); });
    document.querySelectorAll(".sent.selected, .sent.counterpart").forEach(function (el) {
      el.classList.remove("selected", "counterpart");
      el.setAttribute("aria-pressed", "false");
    });
    if (status) { status.textContent = "No sentence selected."; }
  }

  function select(sentence) {
    var wasSelected = sentence.classList.contains("selected");
    clear();
    if (wasSelected) { return; }
    sentence.classList.add("selected");
    sentence.setAttribute("aria-pressed", "true");
    sentence.querySelectorAll(".q[data-q]").forEach(function (quote) { attribution(quote, true); });
    var found = counterparts[sentence.id] || [];
    if (!status) { return; }
    status.textContent = outletOf(sentence) + " sentence " + sentence.dataset.sentence +
      " (" + (sentence.dataset.status || "no status") + "): ";
    if (!found.length) {
      status.appendChild(document.createTextNode("no counterpart in the other outlets."));
      return;
    }
    found.forEach(function (match, index) {
      var other = document.getElementById(match.id);
      if (!other) { return; }
      other.classList.add("counterpart");
      if (index === 0) { other.scrollIntoView({ block: "nearest", inline: "nearest" }); }
      var link = document.createElement("a");
      link.href = "#" + match.id;
      link.textContent = match.outlet + " " + match.sentence + " (similarity " +
        match.similarity.toFixed(2) + (match.terms ? "; " + match.terms : "") + ")";
      link.addEventListener("click", function (event) {
        event.preventDefault();
        other.scrollIntoView({ block: "nearest" });
        other.focus();
      });
      if (index > 0) { status.appendChild(document.createTextNode(" | ")); }
      status.appendChild(link);
    });
  }

  document.querySelectorAll(".article .sent").forEach(function (sentence) {
    sentence.addEventListener("click", function () { select(sentence); });
    sentence.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(sentence);
      }
    });
  });

  function cue(marker, on) {
    var article = marker.closest(".article");
    marker.classList.toggle("cue-on", on);
    if (!article) { return; }
    article.querySelectorAll(".fr[data-fr]").forEach(function (el) {
      if (el.dataset.fr.split(" ").indexOf(marker.dataset.fr) >= 0) { el.classList.toggle("cue-on", on); }
    });
  }

  document.querySelectorAll(".marker").forEach(function (marker) {
    ["mouseenter", "focus"].forEach(function (type) {
      marker.addEventListener(type, function () { cue(marker, true); });
    });
    ["mouseleave", "blur"].forEach(function (type) {
      marker.addEventListener(type, function () { cue(marker, false); });
    });
    marker.addEventListener("click", function (event) {
      var target = document.getElementById(marker.getAttribute("href").slice(1));
      if (!target) { return; }
      event.preventDefault();
      target.scrollIntoView({ block: "nearest" });
      target.focus();
      if (!target.classList.contains("selected")) { select(target); }
    });
  });

  function quoteIds(el) {
    return el.dataset.q ? el.dataset.q.split(" ") : [];
  }

  function attribution(segment, on) {
    var article = segment.closest(".article");
    var ids = quoteIds(segment);
    if (!article) { return; }
    article.querySelectorAll("[data-q], [data-qsrc], [data-qcue]").forEach(function (el) {
      var own = [el.dataset.q, el.dataset.qsrc, el.dataset.qcue].join(" ").split(" ");
      if (ids.some(function (id) { return id && own.indexOf(id) >= 0; })) {
        el.classList.toggle("quote-on", on);
      }
    });
  }

  document.querySelectorAll(".article .q[data-q]").forEach(function (segment) {
    segment.addEventListener("mouseenter", function () { attribution(segment, true); });
    segment.addEventListener("mouseleave", function () { attribution(segment, false); });
  });

  document.querySelectorAll(".evidence-link[data-layer]").forEach(function (link) {
    link.addEventListener("click", function () {
      var box = document.getElementById("layer-" + link.dataset.layer);
      if (box && !box.checked) {
        box.checked = true;
        box.dispatchEvent(new Event("change"));
      }
    });
  });

  var button = document.getElementById("clear-selection");
  if (button) { button.addEventListener("click", clear); }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); }
  });
}());
