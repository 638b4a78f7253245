// The Export menu (a <details> over the top of the side panel) closes as a popup menu
// does: on Escape, the focus going back to its button, and on a press anywhere outside
// it. A <details> stays open until its own summary is clicked again, hiding the first
// fields of the correction form below it.
(function () {
  function openMenus() {
    return document.querySelectorAll("details.export-menu[open]");
  }

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Escape") {
        return;
      }
      openMenus().forEach(function (menu) {
        var inside = menu.contains(document.activeElement);
        menu.open = false;
        var summary = menu.querySelector("summary");
        if (inside && summary) {
          summary.focus();
        }
      });
    },
    true
  );

  document.addEventListener(
    "pointerdown",
    function (event) {
      openMenus().forEach(function (menu) {
        if (!menu.contains(event.target)) {
          menu.open = false;
        }
      });
    },
    true
  );
})();
