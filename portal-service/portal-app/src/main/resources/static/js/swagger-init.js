// The API documentation page: Swagger UI over one service's OpenAPI document, read-only ("Try it out" off).
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("swagger-ui");
  if (!element || !window.SwaggerUIBundle) {
    return;
  }
  window.SwaggerUIBundle({
    url: element.getAttribute("data-spec"),
    domNode: element,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    supportedSubmitMethods: [],
    deepLinking: false,
    validatorUrl: null
  });
});
