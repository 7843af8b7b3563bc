// Small behaviours shared by the portal's pages. No inline scripts: everything lives here.
(function () {
  "use strict";

  // Formset rows: a button with data-formset-add="<prefix>" clones the <template> with id
  // "<prefix>-empty", replacing __prefix__ with the next form index, and bumps TOTAL_FORMS.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-formset-add]");
    if (!button) return;
    var prefix = button.getAttribute("data-formset-add");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var template = document.getElementById(prefix + "-empty");
    var target = document.getElementById(prefix + "-rows");
    if (!total || !template || !target) return;
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    target.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var first = target.lastElementChild && target.lastElementChild.querySelector("input, select, textarea");
    if (first) first.focus();
  });

  // Formset rows: a "remove" checkbox (the DELETE field) hides its row once ticked, and an
  // undo link brings it back; the row is only deleted when the form is saved.
  document.addEventListener("change", function (event) {
    var box = event.target.closest("[data-formset-delete]");
    if (!box) return;
    var row = box.closest("[data-formset-row]");
    if (row) row.classList.toggle("formset-row-deleted", box.checked);
  });

  // htmx replaces whole blocks (the agenda); put keyboard focus back on the control that
  // was used (same id), or on the block's first [data-autofocus-after-swap] control.
  var focusedId = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    focusedId = document.activeElement && document.activeElement.id;
    // The block being replaced says it is busy until the answer is in, so that assistive
    // technology does not read a half-updated row.
    if (event.detail.target) event.detail.target.setAttribute("aria-busy", "true");
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.target) event.detail.target.removeAttribute("aria-busy");
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target) event.detail.target.removeAttribute("aria-busy");
    var target = event.detail.elt;
    var next = (focusedId && document.getElementById(focusedId)) ||
      (target && target.querySelector && target.querySelector("[data-autofocus-after-swap], [autofocus]"));
    if (next && !next.disabled) next.focus();
  });

  // PDF links (data-download) are fetched in the background while a status line says the
  // document is being prepared, so a long export never looks like a frozen page. Without
  // JavaScript they are plain links.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-download]");
    if (!link || !window.fetch || !window.URL || !URL.createObjectURL) return;
    event.preventDefault();
    var status = document.querySelector(".download-status");
    var say = function (key) {
      if (status) status.textContent = status.getAttribute("data-" + key) || "";
    };
    say("preparing");
    link.setAttribute("aria-busy", "true");
    // 202: a task worker is still rendering it; ask again every 2 s (for up to 10 minutes).
    // The first request also asks again for a render that failed before (?ulang=1).
    var attempts = 0;
    var first = link.href + (link.href.indexOf("?") < 0 ? "?" : "&") + "ulang=1";
    var fetchReady = function () {
      var url = attempts ? link.href : first;
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (response.status === 202 && attempts++ < 300) {
          return new Promise(function (resolve) { setTimeout(resolve, 2000); }).then(fetchReady);
        }
        return response;
      });
    };
    fetchReady()
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.status !== 200 || type.indexOf("application/pdf") !== 0) {
          throw new Error(String(response.status));
        }
        var disposition = response.headers.get("Content-Disposition") || "";
        var match = /filename="([^"]+)"/.exec(disposition);
        return response.blob().then(function (blob) {
          return { blob: blob, name: match ? match[1] : "dokumen.pdf" };
        });
      })
      .then(function (file) {
        var url = URL.createObjectURL(file.blob);
        var save = document.createElement("a");
        save.href = url;
        save.download = file.name;
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        say("ready");
      })
      .catch(function () { say("failed"); })
      .finally(function () { link.removeAttribute("aria-busy"); });
  });

  // The progress page of a document: once it is ready, its download starts by itself once.
  var autoDownload = function () {
    var link = document.querySelector("a[data-auto-download]");
    if (link) {
      link.removeAttribute("data-auto-download");
      link.click();
    }
  };
  document.addEventListener("htmx:afterSettle", autoDownload);
  // Also when the page itself opens ready (a reload, or "Periksa lagi" after the render),
  // once it has loaded, so that the download does not cut its loading short.
  if (document.readyState === "complete") {
    autoDownload();
  } else {
    window.addEventListener("load", autoDownload);
  }

  // Confirm dangerous buttons that carry data-confirm="question".
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    var question = submitter && submitter.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // A print button (the readiness dashboard): the browser's print dialog, its print stylesheet.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) window.print();
  });
})();
