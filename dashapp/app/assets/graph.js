// A double click on the timeline is plotly's zoom out, and its first click is also a
// click on whatever lies under the mouse: the times of the last click and the last
// double click let the callback that opens an event's details (callbacks.py,
// DOUBLE_CLICK_MS) leave it be. The browser sends no dblclick there (plotly covers the
// page with its drag cover during a click, which gets the mouse up): a mouse up is a
// click's first (detail 1) or a double click's second (detail 2).
document.addEventListener(
  "mouseup",
  function (event) {
    var target = event.target;
    if (!target) {
      return;
    }
    var cover = target.classList && target.classList.contains("dragcover");
    if (!cover && !(target.closest && target.closest("#timeline"))) {
      return;
    }
    if (event.detail === 1) {
      window.geotimelineClickAt = Date.now();
    } else if (event.detail >= 2) {
      window.geotimelineDoubleClickAt = Date.now();
    }
  },
  true
);
