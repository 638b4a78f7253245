// The event table is HTML inside one Markdown component (see layout.table_panel): one
// listener opens the details of the row whose "Details" button is clicked (Enter and
// Space click a focused button too). On narrow screens the details panel is below the
// timeline: it is scrolled into view. The focus goes to the details once they are shown
// (a11y.js).
document.addEventListener("click", function (event) {
  var target = event.target;
  var button = target && target.closest ? target.closest("#event-table button[data-event]") : null;
  if (!button || !window.dash_clientside || !window.dash_clientside.set_props) {
    return;
  }
  window.geotimelineFocusDetails = button.getAttribute("data-event");
  window.dash_clientside.set_props("selected-event", { data: button.getAttribute("data-event") });
  var details = document.getElementById("details");
  if (details && window.matchMedia("(max-width: 1279px)").matches) {
    details.scrollIntoView({ block: "start" });
  }
});
