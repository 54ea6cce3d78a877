"use strict";
(function () {
  if (document.getElementById("documents") === null || document.getElementById("search") === null) {
    document.documentElement.dataset.ready = "1";
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll(".row"));
  var homes = rows.map(function (row) { return row.parentNode; });
  var sorted = document.getElementById("sorted");
  var docs = document.getElementById("documents");
  var search = document.getElementById("search");
  var finding = document.getElementById("finding");
  var sortBox = document.getElementById("sort");
  var shown = document.getElementById("shown");
  var stateBoxes = Array.prototype.slice.call(document.querySelectorAll("input[name=state]"));
  var folded = null;
  var current = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }
  function foldedTexts() {
    if (folded === null) {
      folded = rows.map(function (row) {
        var parts = row.querySelectorAll(".src, .tgt");
        var text = "";
        for (var i = 0; i < parts.length; i++) { text += parts[i].textContent + "\n"; }
        return fold(text);
      });
    }
    return folded;
  }
  function matches(row, index, states, check, needle) {
    if (!states[row.dataset.state]) { return false; }
    var checks = row.dataset.checks ? row.dataset.checks.split(" ") : [];
    if (check === "*" && checks.length === 0) { return false; }
    if (check === "-" && checks.length > 0) { return false; }
    if (check && check !== "*" && check !== "-" && checks.indexOf(check) < 0) { return false; }
    return !needle || foldedTexts()[index].indexOf(needle) >= 0;
  }
  function apply() {
    var states = {};
    stateBoxes.forEach(function (box) { states[box.value] = box.checked; });
    var needle = fold(search.value.trim());
    var check = finding.value;
    var count = 0;
    rows.forEach(function (row, index) {
      var visible = matches(row, index, states, check, needle);
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    ["para", "source", "doc"].forEach(function (kind) {
      document.querySelectorAll("." + kind).forEach(function (box) {
        box.hidden = box.querySelector(".row:not([hidden])") === null;
      });
    });
    shown.textContent = count + " of " + rows.length + " sentences shown";
  }
  function score(row) {
    var value = parseFloat(row.dataset.score);
    return isNaN(value) ? Infinity : value;
  }
  function arrange() {
    if (sortBox.checked) {
      var order = rows.map(function (row, index) { return [score(row), index]; });
      order.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      order.forEach(function (pair) { sorted.appendChild(rows[pair[1]]); });
      docs.hidden = true;
    } else {
      rows.forEach(function (row, index) { homes[index].appendChild(row); });
      docs.hidden = false;
    }
    apply();
  }
  function step(direction) {
    var list = rows.filter(function (row) { return !row.hidden && row.dataset.review === "1"; });
    if (list.length === 0) { return; }
    list.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    var target = null;
    if (current === null || current.hidden) {
      target = direction > 0 ? list[0] : list[list.length - 1];
    } else {
      var position = list.indexOf(current);
      if (position < 0) {
        position = direction > 0 ? -1 : list.length;
        for (var i = 0; i < list.length; i++) {
          if (current.compareDocumentPosition(list[i]) & Node.DOCUMENT_POSITION_FOLLOWING) {
            position = direction > 0 ? i - 1 : i;
            break;
          }
        }
      }
      target = list[Math.min(Math.max(position + direction, 0), list.length - 1)];
    }
    select(target);
  }
  function select(row) {
    if (current !== null) { current.classList.remove("current"); }
    current = row;
    row.classList.add("current");
    row.tabIndex = -1;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (event) {
    var typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape" && typing) { event.target.blur(); return; }
    if (typing) { return; }
    if (event.key === "j" || event.key === "n") { step(1); event.preventDefault(); }
    else if (event.key === "k" || event.key === "p") { step(-1); event.preventDefault(); }
    else if (event.key === "/") { search.focus(); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-check]") : null;
    if (link !== null) {
      finding.value = link.dataset.check;
      apply();
      event.preventDefault();
      document.getElementById("documents").scrollIntoView();
    }
  });
  var timer = 0;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, rows.length > 2000 ? 150 : 0);
  });
  finding.addEventListener("change", apply);
  sortBox.addEventListener("change", arrange);
  stateBoxes.forEach(function (box) { box.addEventListener("change", apply); });
  if (sortBox.checked) { arrange(); } else { apply(); }
  document.documentElement.dataset.ready = "1";
})();
