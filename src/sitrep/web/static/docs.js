/* Starts Swagger UI (served from the swagger-ui-bundle package) on /openapi.json. */
"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
