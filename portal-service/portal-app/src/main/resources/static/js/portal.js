// Progressive enhancement only: every page works without this file.
// htmx requests carry the CSRF token like the forms do (the token is in a meta tag, never in a cookie).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Fields shown only for one answer (e.g. the VAT ID for VAT-liable applicants): data-shown-when="<select id>=<value>".
function cpsApplyConditions() {
  document.querySelectorAll("[data-shown-when]").forEach(function (element) {
    var rule = element.getAttribute("data-shown-when").split("=");
    var control = document.getElementById(rule[0]);
    if (control) {
      element.hidden = control.value !== rule[1];
    }
  });
}
document.addEventListener("change", cpsApplyConditions);
document.addEventListener("DOMContentLoaded", cpsApplyConditions);

// Controls that submit their form when changed (switches), marked data-submit-on-change.
document.addEventListener("change", function (event) {
  var control = event.target;
  if (control.hasAttribute && control.hasAttribute("data-submit-on-change") && control.form) {
    control.form.requestSubmit();
  }
});
