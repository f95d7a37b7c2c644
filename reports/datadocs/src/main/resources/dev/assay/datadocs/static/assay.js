// Assay data docs: filter and sort the tables of runs on a page. Pages read fine without it.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) {
      return "";
    }
    return cell.getAttribute("data-value") || cell.textContent.trim();
  }

  function setUp(table) {
    var controls = table.previousElementSibling;
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    var rows = Array.prototype.slice.call(body.rows);
    var text = null;
    var status = null;
    var shown = null;

    function apply() {
      var needle = text ? text.value.trim().toLowerCase() : "";
      var wanted = status ? status.value : "";
      var count = 0;
      rows.forEach(function (row) {
        var visible = (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0)
          && (!wanted || row.getAttribute("data-status") === wanted);
        row.hidden = !visible;
        if (visible) {
          count++;
        }
      });
      if (shown) {
        shown.textContent = count + " of " + rows.length + " runs on this page";
      }
    }

    if (controls && controls.classList.contains("controls")) {
      controls.hidden = false;
      text = controls.querySelector(".filter");
      status = controls.querySelector(".status-filter");
      shown = controls.querySelector(".shown");
      text.addEventListener("input", apply);
      status.addEventListener("change", apply);
    }

    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      if (!th.hasAttribute("data-sort")) {
        return;
      }
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = cellValue(a, index);
          var y = cellValue(b, index);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), setUp);
  });
})();
