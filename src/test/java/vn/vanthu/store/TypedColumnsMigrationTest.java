package vn.vanthu.store;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.support.Databases;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V8 turns the encoded strings of rows written before it into typed columns, the same on H2 and PostgreSQL:
 * a database is migrated to V7, given rows the way the service wrote them then, and migrated on.
 */
class TypedColumnsMigrationTest {
    private static final String NOW = "TIMESTAMP WITH TIME ZONE '2026-11-26 09:00:00+07:00'";

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void encoded_boxes_anchors_places_and_verdicts_become_typed_columns(Databases.Kind kind, @TempDir Path dir) {
        Databases.Target t = Databases.fresh(kind, dir);
        Flyway.configure().dataSource(t.url(), t.user(), t.password()).locations("classpath:db/migration").target("7")
                .load().migrate();
        Jdbi jdbi = Jdbi.create(t.url(), t.user(), t.password());
        jdbi.useHandle(h -> {
            dispatch(h, "d1", "'1,300.5,120.25,180.0,60.0'", "'N:60.0,120.5,95.0;D:300.0,140.0;Y:420.75,140.0'");
            dispatch(h, "d2", "'2,1.0E-4,20.0,30.0,40.0'", "''");
            dispatch(h, "d3", "NULL", "NULL");
            h.execute("INSERT INTO dispatch_history (dispatch_id, at, user_id, action, details) VALUES "
                    + "('d3', " + NOW + ", 'u', 'SIGN_PREPARED', 'p1 2,10.0,20.0,30.0,40.0 M:5.0,6.0;N:1.0,2.0,3.0'), "
                    + "('d3', " + NOW + ", 'u', 'SIGN_PREPARED', 'p2 1,1.0,2.0,3.0,4.0 '), "
                    + "('d3', " + NOW + ", 'u', 'CREATED', 'du-thao.pdf')");
            h.execute("INSERT INTO dossiers (id, dossier_year, symbol, file_code, title, retention, rights, language, "
                    + "category, responsible_user_id, start_date, status, created_by, created_at) VALUES ('h1', 2026, "
                    + "'01.A', 'X.2026.01.A', 'T', '10Y', 'PUBLIC', 'vi', 'GENERAL', 'u', '2026-01-01', 'OPEN', 'u', " + NOW + ")");
            item(h, "i1", "'TOTAL_FAILED/HASH_FAILURE'");
            item(h, "i2", "'TOTAL_PASSED'");
            item(h, "i3", "NULL");
        });

        Flyway.configure().dataSource(t.url(), t.user(), t.password()).locations("classpath:db/migration").load().migrate();

        jdbi.useHandle(h -> {
            Map<String, Object> d1 = row(h, "SELECT * FROM dispatches WHERE id = 'd1'");
            assertEquals(List.of(1, 300.5, 120.25, 180.0, 60.0), List.of(d1.get("box_page"), d1.get("box_x"),
                    d1.get("box_y"), d1.get("box_width"), d1.get("box_height")));
            assertEquals(List.of(60.0, 120.5, 95.0), List.of(d1.get("number_left"), d1.get("number_right"), d1.get("number_baseline")));
            assertEquals(List.of(300.0, 140.0, 420.75, 140.0), List.of(d1.get("day_x"), d1.get("day_baseline"),
                    d1.get("year_x"), d1.get("year_baseline")));
            assertNull(d1.get("month_x"));
            assertEquals(true, d1.get("marks_known"));

            Map<String, Object> d2 = row(h, "SELECT * FROM dispatches WHERE id = 'd2'");
            assertEquals(1.0E-4, d2.get("box_x"));
            assertEquals(true, d2.get("marks_known"), "an empty anchor list was worked out: no blanks");
            assertNull(d2.get("number_left"));
            Map<String, Object> d3 = row(h, "SELECT * FROM dispatches WHERE id = 'd3'");
            assertEquals(false, d3.get("marks_known"));
            assertNull(d3.get("box_page"));

            Map<String, Object> p1 = row(h, "SELECT * FROM dispatch_preparations WHERE preparation_id = 'p1'");
            assertEquals(List.of("d3", 2, 10.0, 40.0), List.of(p1.get("dispatch_id"), p1.get("box_page"), p1.get("box_x"), p1.get("box_height")));
            assertEquals(List.of(5.0, 6.0, 1.0, 3.0), List.of(p1.get("month_x"), p1.get("month_baseline"),
                    p1.get("number_left"), p1.get("number_baseline")));
            Map<String, Object> p2 = row(h, "SELECT * FROM dispatch_preparations WHERE preparation_id = 'p2'");
            assertEquals(4.0, p2.get("box_height"));
            assertNull(p2.get("number_left"));
            assertEquals(List.of("p1", "p2", "du-thao.pdf"), h.createQuery("SELECT details FROM dispatch_history ORDER BY id")
                    .mapTo(String.class).list());

            assertEquals(List.of("TOTAL_FAILED", "HASH_FAILURE"), List.of(item(h, "i1").get("indication"), item(h, "i1").get("sub_indication")));
            assertEquals("TOTAL_PASSED", item(h, "i2").get("indication"));
            assertNull(item(h, "i2").get("sub_indication"));
            assertNull(item(h, "i3").get("indication"));
        });
    }

    private static void dispatch(org.jdbi.v3.core.Handle h, String id, String box, String anchors) {
        h.execute("INSERT INTO dispatches (id, status, document_type, subject, signer_position, signer_name, "
                + "signer_user_id, recipients, priority, secret, page_amount, file_name, current_sha256, created_by, "
                + "created_at, signature_box, mark_anchors) VALUES ('" + id + "', 'SIGNED', 'KH', 'S', 'P', 'N', 'u', "
                + "'[]', 'NORMAL', FALSE, 1, 'f.pdf', 'x', 'u', " + NOW + ", " + box + ", " + anchors + ")");
    }

    private static void item(org.jdbi.v3.core.Handle h, String id, String verdict) {
        h.execute("INSERT INTO dossier_items (id, dossier_id, kind, sha256, file_name, media_type, size_bytes, page_count, "
                + "document_date, signatures_count, verdict, filed_by, filed_at) VALUES ('" + id + "', 'h1', 'OTHER', 'x', "
                + "'f.pdf', 'application/pdf', 1, 1, '2026-01-01', 1, " + verdict + ", 'u', " + NOW + ")");
    }

    private static Map<String, Object> item(org.jdbi.v3.core.Handle h, String id) {
        return row(h, "SELECT indication, sub_indication FROM dossier_items WHERE id = '" + id + "'");
    }

    /** One row, keys in lower case (H2 answers upper-case column names). */
    private static Map<String, Object> row(org.jdbi.v3.core.Handle h, String sql) {
        Map<String, Object> out = new java.util.HashMap<>();
        h.createQuery(sql).mapToMap().one().forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }
}
