/* The signature box of the self check-in: signature_pad on a canvas, sent as a PNG data URL
   in the form's hidden "signature" field. No inline script: loaded as a file (strict CSP). */
(function () {
  "use strict";
  var canvas = document.getElementById("signature-pad");
  var form = document.getElementById("checkin-form");
  if (!canvas || !form || !window.SignaturePad) return;
  var pad = new window.SignaturePad(canvas, { penColor: "#0b1f4d", minWidth: 0.8, maxWidth: 2.4 });

  function resize() {
    // Draw at the screen's pixel density, so that the signature is sharp when printed.
    var ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext("2d").scale(ratio, ratio);
    pad.redraw(); // the strokes, and a signature drawn again from the form (below)
  }
  window.addEventListener("resize", resize);
  resize();
  // The form came back with another field to correct: the signature it carried is drawn
  // again, so that it need not be signed twice.
  var kept = form.elements.signature.value;
  if (kept.indexOf("data:image/png;base64,") === 0) {
    pad.fromDataURL(kept).catch(function () {
      pad.clear();
    });
  }

  document.getElementById("signature-clear").addEventListener("click", function () {
    pad.clear();
  });
  var institution = document.getElementById("id_institution_name");
  var invitation = document.getElementById("id_invitation");
  function showInstitution() {
    if (!institution || !invitation) return;
    var wrapper = institution.closest(".mb-3") || institution.parentNode;
    wrapper.hidden = invitation.value !== "lainnya";
  }
  if (invitation) invitation.addEventListener("change", showInstitution);
  showInstitution();

  form.addEventListener("submit", function () {
    form.elements.signature.value = pad.isEmpty() ? "" : pad.toDataURL("image/png");
  });
})();
