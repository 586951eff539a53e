package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.config.AppConfig;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.dossier.CatalogueFixtures.catalogue;
import static vn.vanthu.dossier.CatalogueFixtures.heading;
import static vn.vanthu.dossier.CatalogueFixtures.put;
import static vn.vanthu.dossier.CatalogueFixtures.row;
import static vn.vanthu.dossier.CatalogueFixtures.withRow;

/** The V7 migration and the catalogue store on H2 and on a real PostgreSQL. */
class CatalogueStorageTest {

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_catalogue_is_stored_replaced_and_kept_when_a_replacement_is_refused(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            String clerk = CatalogueFixtures.userId(s, "clerk");
            String official = CatalogueFixtures.userId(s, "official");
            var first = put(s, 2026, "clerk", catalogue(clerk, official));
            assertEquals(200, first.status(), first.text());
            assertEquals(first.json(), s.get("/api/v1/catalogues/2026", "auditor").json());
            assertEquals("Hồ sơ quy hoạch cán bộ lãnh đạo, quản lý giai đoạn 2026–2031",
                    first.json().path("headings").get(0).path("rows").get(0).path("title").asText());

            var smaller = Map.of("headings", List.of(heading("I", "Tổng hợp", List.of(
                    row("01.TH", "Hồ sơ báo cáo tổng kết công tác năm 2026", "PERMANENT", official, "Bản chính")))));
            var replaced = put(s, 2026, "admin", smaller);
            assertEquals(200, replaced.status(), replaced.text());
            JsonNode now = s.get("/api/v1/catalogues/2026", "clerk").json();
            assertEquals(1, now.path("headings").size());
            assertEquals(1, now.path("headings").get(0).path("rows").size());
            assertEquals(CatalogueFixtures.userId(s, "admin"), now.path("updatedBy").asText());

            var dup = put(s, 2026, "clerk", withRow(catalogue(clerk, official), 0, 0, r -> r.put("symbol", "01.KHCN")));
            assertEquals(409, dup.status(), dup.text());
            var unknown = put(s, 2026, "clerk", withRow(catalogue(clerk, official), 0, 0, r -> r.put("responsibleUserId", "ghost")));
            assertEquals(422, unknown.status(), unknown.text());
            assertEquals(now, s.get("/api/v1/catalogues/2026", "clerk").json());

            CatalogueService service = new CatalogueService(s.app().database(), AppConfig.Agency.DEFAULT, java.time.Clock.systemUTC());
            assertEquals("Hồ sơ báo cáo tổng kết công tác năm 2026", service.row(2026, "01.TH").orElseThrow().title());
            assertTrue(service.row(2026, "01.TCCB").isEmpty(), "replaced rows are gone");
            assertEquals(200, s.get("/api/v1/catalogues/2026?format=pdf", "official").status());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void parallel_replacements_of_one_year_leave_exactly_one_of_them_whole(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind)) {
            String clerk = CatalogueFixtures.userId(s, "clerk");
            for (int round = 0; round < 2; round++) {
                int year = 2040;
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<TestServer.Response>> answers = new ArrayList<>();
                    for (int k = 0; k < 8; k++) {
                        int version = round * 10 + k;
                        answers.add(pool.submit(() -> put(s, year, "clerk", version(version, clerk))));
                    }
                    for (Future<TestServer.Response> a : answers) {
                        assertEquals(200, a.get().status(), a.get().text());
                    }
                } finally {
                    pool.shutdown();
                }
                JsonNode stored = s.get("/api/v1/catalogues/" + year, "clerk").json();
                Set<String> versions = new HashSet<>();
                stored.path("headings").forEach(h -> {
                    versions.add(h.path("title").asText());
                    h.path("rows").forEach(r -> versions.add(r.path("notes").asText()));
                });
                assertEquals(1, versions.size(), "one replacement whole, not a mix: " + versions);
                assertEquals(3, stored.path("headings").size());
                assertEquals(30, stored.path("headings").findValues("symbol").size());
            }
        }
    }

    /** Three headings of ten rows, every title and note naming the version. */
    private static Map<String, Object> version(int version, String userId) {
        List<Map<String, Object>> headings = new ArrayList<>();
        String[] numerals = {"I", "II", "III"};
        for (int h = 0; h < 3; h++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int r = 1; r <= 10; r++) {
                rows.add(row(String.format("%02d.%s", r, numerals[h]), "Hồ sơ " + r, r % 2 == 0 ? "PERMANENT" : "15Y",
                        userId, "v" + version));
            }
            headings.add(heading(numerals[h], "v" + version, rows));
        }
        return Map.of("headings", headings);
    }
}
