// What a screen reader or a keyboard user gets from Dash's own components, mended as they
// render (Dash 4 gives them no props for it):
// - a dropdown's button is named by its field's label and its value ("Actors Everyone"),
//   not by its value alone, and the search box of an open dropdown by the field ("Search
//   Actors");
// - a checklist or radio list outside a dropdown is plain checkboxes or radio buttons in a
//   group, not a listbox of options;
// - the timeline's plot is one named image, not a list of its tick labels (the table
//   below it lists the same events);
// - opening an event's details from the table moves the focus to them (table.js marks the
//   event asked for).
(function () {
  function labelFor(id) {
    return document.querySelector('label[for="' + id + '"]');
  }

  function mend() {
    document.querySelectorAll("button.dash-dropdown[id]").forEach(function (button) {
      var label = labelFor(button.id);
      if (!label) {
        return;
      }
      if (!label.id) {
        label.id = button.id + "-label";
      }
      var by = (button.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
      if (by.indexOf(label.id) < 0) {
        button.setAttribute("aria-labelledby", [label.id].concat(by).join(" "));
      }
      if (button.getAttribute("aria-expanded") === "true") {
        document.querySelectorAll("input.dash-dropdown-search").forEach(function (search) {
          var name = "Search " + label.textContent.trim();
          if (search.getAttribute("aria-label") !== name) {
            search.setAttribute("aria-label", name);
          }
        });
      }
    });
    document.querySelectorAll(".dash-options-list[role=listbox]").forEach(function (list) {
      if (list.closest(".dash-dropdown-content")) {
        return; // a dropdown's options are a listbox
      }
      list.setAttribute("role", "group");
      list.querySelectorAll("[role=option]").forEach(function (option) {
        option.removeAttribute("role");
        option.removeAttribute("aria-selected");
      });
    });
    document.querySelectorAll("#timeline svg.main-svg").forEach(function (svg, i) {
      if (i === 0) {
        if (svg.getAttribute("role") !== "img") {
          svg.setAttribute("role", "img");
          svg.setAttribute(
            "aria-label",
            "Timeline of the events shown; the table below lists the same events"
          );
        }
      } else if (svg.getAttribute("aria-hidden") !== "true") {
        svg.setAttribute("aria-hidden", "true");
      }
    });
    var wanted = window.geotimelineFocusDetails;
    if (wanted) {
      var shown = document.querySelector('#details .details[data-event="' + wanted + '"]');
      var title = shown && shown.querySelector(".details-title");
      if (title) {
        window.geotimelineFocusDetails = null;
        title.setAttribute("tabindex", "-1");
        title.focus({ preventScroll: true });
      }
    }
  }

  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        mend();
      });
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-expanded", "role"],
  });
})();
