package vn.vanthu.dossier;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Accounts;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Filing into and removing from an open dossier: its responsible person or a clerk; another official gets 403. */
class DossierAccessTest {

    @Test
    void an_official_who_is_not_responsible_can_neither_file_into_nor_remove_from_the_dossier() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String official = s.get("/api/v1/users/me", "official").json().path("id").asText();
            TestServer.Response opened = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "05.KT",
                    "title", "Hồ sơ kiểm tra nội bộ năm 2026", "retention", "10Y", "responsibleUserId", official));
            assertEquals(201, opened.status(), opened.text());
            String dossier = opened.json().path("id").asText();
            String official2 = Accounts.token(s, "official2");

            TestServer.Response intruder = file(s, dossier, official2);
            assertEquals(403, intruder.status(), intruder.text());
            assertEquals("NOT_RESPONSIBLE", intruder.errorCode());

            TestServer.Response own = file(s, dossier, "official");
            assertEquals(201, own.status(), own.text());
            String item = own.json().path("id").asText();
            TestServer.Response removal = s.delete("/api/v1/dossiers/" + dossier + "/documents/" + item, official2);
            assertEquals(403, removal.status(), removal.text());
            assertEquals("NOT_RESPONSIBLE", removal.errorCode());
            assertEquals(1, s.get("/api/v1/dossiers/" + dossier, "clerk").json().path("items").size(), "still filed");

            assertEquals(201, file(s, dossier, "clerk").status(), "a clerk files into any dossier");
            assertEquals(204, s.delete("/api/v1/dossiers/" + dossier + "/documents/" + item, "clerk").status());
        }
    }

    private static TestServer.Response file(TestServer s, String dossier, String user) {
        return s.postMultipart("/api/v1/dossiers/" + dossier + "/documents", user, new Multipart()
                .file("file", "bien-ban.txt", "text/plain", "Biên bản kiểm tra".getBytes(StandardCharsets.UTF_8)));
    }
}
