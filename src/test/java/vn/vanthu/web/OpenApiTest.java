package vn.vanthu.web;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiTest {
    @Test
    void openapi_describes_exactly_the_registered_routes_and_docs_render_it() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            assertEquals(new TreeSet<>(s.app().registeredRoutes()), new TreeSet<>(AccessMatrixTest.describedRoutes(s)));

            var docs = s.get("/docs", null);
            assertEquals(200, docs.status());
            assertTrue(docs.text().contains("/openapi.json"));
            var bundle = s.get("/webjars/swagger-ui/" + SwaggerPage.VERSION + "/swagger-ui-bundle.js", null);
            assertEquals(200, bundle.status(), "Swagger UI is served from its webjar");
            assertEquals("text/javascript", bundle.header("Content-Type"));
            assertTrue(bundle.text().contains("SwaggerUIBundle"));
            assertEquals(404, s.get("/webjars/swagger-ui/" + SwaggerPage.VERSION + "/pom.xml", null).status());
            var otherVersion = s.get("/webjars/swagger-ui/1.0.0/swagger-ui.css", null);
            assertEquals(404, otherVersion.status());
            assertEquals("NOT_FOUND", otherVersion.json().path("errors").path(0).path("code").asText());
        }
    }
}
