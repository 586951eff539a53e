package vn.vanthu.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures of a known history (see {@link FiguresHistory}), every number checked, on H2. */
class FiguresTest {
    private static TestServer s;

    @BeforeAll
    static void build() throws InterruptedException {
        TestClock clock = TestClock.at("2026-09-01T08:00");
        s = TestServer.start(Databases.Kind.H2, FiguresHistory.ENV, clock);
        new FiguresHistory(s, clock).build();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** The quarters of 2026: the agency's rows and each unit's, in order, each number as the history made it. */
    static void assertQuarters(TestServer s) {
        TestServer.Response r = s.get("/api/v1/figures?year=2026&period=quarter", "auditor");
        assertEquals(200, r.status(), r.text());
        JsonNode periods = r.json().path("periods");
        List<String> keys = new ArrayList<>();
        periods.forEach(p -> keys.add(p.path("period").asText() + "/" + p.path("unit").asText("*")));
        assertEquals(List.of("2026-Q1/*", "2026-Q2/*", "2026-Q3/*", "2026-Q3/VP", "2026-Q4/*", "2026-Q4/KHTC",
                "2026-Q4/VP"), keys);

        JsonNode q1 = periods.get(0);
        expect(q1, "outgoing", "issued", 0, "signedDigitallyPct", null);
        expect(q1, "incoming", "registered", 0);
        expect(q1, "digitization", "pages", 0);

        JsonNode q3 = periods.get(2);
        expect(q3, "outgoing", "issued", 1, "signedDigitally", 1, "signedDigitallyPct", 100.0, "issuedOnTime", 1,
                "issuedOnTimePct", 100.0, "recipients", 1, "sentElectronically", 0, "sentElectronicallyPct", 0.0);
        expect(q3, "dossiers", "opened", 0, "closed", 0);
        expect(periods.get(3), "outgoing", "issued", 1, "issuedOnTime", 1);
        assertTrue(periods.get(3).path("dossiers").isNull(), "a unit records no dossiers");

        JsonNode q4 = periods.get(4);
        expect(q4, "outgoing", "issued", 2, "signedDigitally", 2, "signedDigitallyPct", 100.0, "issuedOnTime", 1,
                "issuedOnTimePct", 50.0, "recipients", 2, "sentElectronically", 0, "sentElectronicallyPct", 0.0);
        expect(q4, "incoming", "registered", 4, "receivedElectronically", 3, "receivedElectronicallyPct", 75.0,
                "submittedOnTime", 2, "submittedOnTimePct", 50.0, "handled", 2, "handledByDeadline", 1,
                "handledByDeadlinePct", 50.0, "late", 1, "open", 2, "overdue", 1);
        expect(q4, "dossiers", "opened", 3, "keptPerCatalogue", 1, "keptPerCataloguePct", 33.3, "closed", 2,
                "closedWithSealedPackage", 2, "closedWithSealedPackagePct", 100.0, "submitted", 2,
                "submittedOnTime", 1, "submittedOnTimePct", 50.0);
        expect(q4, "digitization", "pages", 1, "documents", 1);
        expect(q4, "validations", "run", 2, "allSignaturesPassed", 1, "allSignaturesPassedPct", 50.0,
                "notAllSignaturesPassed", 0, "noSignature", 1);

        JsonNode khtc = periods.get(5);
        expect(khtc, "outgoing", "issued", 1, "issuedOnTime", 0, "issuedOnTimePct", 0.0);
        expect(khtc, "incoming", "registered", 1, "receivedElectronically", 1, "submittedOnTime", 0, "handled", 1,
                "handledByDeadline", 0, "late", 1, "open", 0, "overdue", 0);
        JsonNode vp = periods.get(6);
        expect(vp, "outgoing", "issued", 1, "issuedOnTime", 1, "issuedOnTimePct", 100.0);
        expect(vp, "incoming", "registered", 2, "receivedElectronically", 2, "submittedOnTime", 2,
                "submittedOnTimePct", 100.0, "handled", 1, "handledByDeadline", 1, "late", 0, "open", 1, "overdue", 1);
    }

    /** Each key of {@code section} has the value given (numbers compared as numbers; null: JSON null). */
    static void expect(JsonNode row, String section, Object... keyValues) {
        JsonNode values = row.path(section);
        for (int k = 0; k < keyValues.length; k += 2) {
            String key = (String) keyValues[k];
            Object want = keyValues[k + 1];
            JsonNode got = values.path(key);
            String where = row.path("period").asText() + " " + row.path("unit").asText("*") + " " + section + "." + key
                    + " in " + values;
            if (want == null) {
                assertTrue(got.isNull(), where);
            } else if (want instanceof Boolean b) {
                assertEquals(b, got.asBoolean(!b), where);
            } else if (want instanceof Double d) {
                assertEquals(d, got.asDouble(Double.NaN), 0.0001, where);
            } else {
                assertEquals(((Integer) want).longValue(), got.asLong(-1), where);
            }
        }
    }

    @Test
    void the_quarters_of_a_known_history_give_each_number_for_the_agency_and_each_unit() {
        assertQuarters(s);
    }

    @Test
    void a_year_period_adds_the_quarters_up_and_a_unit_gets_only_its_own_rows() {
        JsonNode year = s.get("/api/v1/figures?from=2026-01-01&to=2026-12-31&period=year", "official").json().path("periods");
        assertEquals(3, year.size(), year.toString());
        expect(year.get(0), "outgoing", "issued", 3, "issuedOnTime", 2, "issuedOnTimePct", 66.7);
        expect(year.get(0), "incoming", "registered", 4, "submittedOnTime", 2);
        expect(year.get(2), "outgoing", "issued", 2, "issuedOnTime", 2);

        JsonNode vp = s.get("/api/v1/figures?year=2026&unit=VP", "clerk").json().path("periods");
        assertEquals(4, vp.size(), vp.toString());
        vp.forEach(p -> assertEquals("VP", p.path("unit").asText(), p.toString()));
        expect(vp.get(2), "outgoing", "issued", 1);
        expect(vp.get(3), "incoming", "registered", 2, "overdue", 1);

        JsonNode q4only = s.get("/api/v1/figures?from=2026-10-14&to=2026-10-14", "admin").json().path("periods");
        assertEquals(List.of("2026-Q4"), q4only.findValuesAsText("period").subList(0, 1));
        expect(q4only.get(0), "incoming", "registered", 2, "receivedElectronically", 1);
    }

    @Test
    void the_csv_has_a_line_per_period_and_unit_with_the_same_numbers() {
        TestServer.Response r = s.get("/api/v1/figures?year=2026&format=csv", "auditor");
        assertEquals(200, r.status(), r.text());
        assertTrue(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type"));
        List<String> lines = new String(r.body(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
        assertEquals(8, lines.size(), String.join("\n", lines));
        List<String> header = List.of(lines.get(0).split(","));
        List<String> q4 = List.of(lines.get(5).split(",", -1));
        assertEquals("2026-Q4", q4.get(0));
        assertEquals("", q4.get(1));
        assertEquals("2", q4.get(header.indexOf("outgoing.issued")));
        assertEquals("50.0", q4.get(header.indexOf("outgoing.issuedOnTimePct")));
        assertEquals("75.0", q4.get(header.indexOf("incoming.receivedElectronicallyPct")));
        assertEquals("33.3", q4.get(header.indexOf("dossiers.keptPerCataloguePct")));
        assertEquals("1", q4.get(header.indexOf("digitization.pages")));
        assertEquals("1", q4.get(header.indexOf("validations.noSignature")));
        List<String> vp = List.of(lines.get(7).split(",", -1));
        assertEquals("VP", vp.get(1));
        assertEquals("", vp.get(header.indexOf("dossiers.opened")), "a unit records no dossiers");
    }

    @Test
    void the_pdf_report_is_sealed_for_pdfsig_and_prints_the_figures_in_vietnamese() throws Exception {
        OutsideTools.require("pdfsig", "poppler-utils");
        TestServer.Response r = s.get("/api/v1/figures?year=2026&format=pdf", "auditor");
        assertEquals(200, r.status(), r.text());
        assertEquals("application/pdf", r.header("Content-Type"));
        Path file = Files.createTempFile("figures", ".pdf");
        try {
            Files.write(file, r.body());
            String sig = OutsideTools.run(null, "pdfsig", file.toString()).output();
            assertTrue(sig.contains("Signature is Valid"), sig);
            String text = OutsideTools.run(null, "pdftotext", "-enc", "UTF-8", file.toString(), "-").output();
            assertTrue(text.contains("BÁO CÁO SỐ LIỆU XỬ LÝ VĂN BẢN, HỒ SƠ ĐIỆN TỬ"), text);
            assertTrue(text.contains("Từ ngày 01/01/2026 đến ngày 31/12/2026"), text);
            assertTrue(text.contains("Toàn cơ quan — Quý 4/2026"), text);
            assertTrue(text.contains("Đơn vị: KHTC — Quý 4/2026"), text);
            assertTrue(text.contains("nhận điện tử"), text);
            assertTrue(text.contains("75,0"), text);
            String images = OutsideTools.run(null, "pdfimages", "-list", file.toString()).output();
            assertTrue(images.lines().anyMatch(l -> l.matches("\\s*1\\s+0\\s+image\\s+2040\\s+1320.*")), images);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void bad_parameters_are_refused_with_400_and_a_handler_may_not_read_the_figures() {
        assertEquals("INVALID_RANGE", s.get("/api/v1/figures?year=2026&from=2026-01-01&to=2026-02-01", "clerk").errorCode());
        assertEquals("INVALID_RANGE", s.get("/api/v1/figures?from=2026-05-01&to=2026-01-01", "clerk").errorCode());
        assertEquals("INVALID_RANGE", s.get("/api/v1/figures?from=2000-01-01&to=2026-01-01", "clerk").errorCode());
        assertEquals("INVALID_RANGE", s.get("/api/v1/figures?from=2026-01-01", "clerk").errorCode());
        assertEquals("INVALID_DATE", s.get("/api/v1/figures?from=2026-13-01&to=2026-12-31", "clerk").errorCode());
        assertEquals("INVALID_YEAR", s.get("/api/v1/figures?year=20x6", "clerk").errorCode());
        assertEquals("INVALID_PERIOD", s.get("/api/v1/figures?period=month", "clerk").errorCode());
        assertEquals("INVALID_FORMAT", s.get("/api/v1/figures?format=xlsx", "clerk").errorCode());
        assertEquals("INVALID_UNIT", s.get("/api/v1/figures?unit=" + "A".repeat(51), "clerk").errorCode());
        assertEquals("INVALID_UNIT", s.get("/api/v1/figures?unit=V%0AP", "clerk").errorCode());
        assertEquals(400, s.get("/api/v1/figures?period=month", "clerk").status());
        assertEquals(403, s.get("/api/v1/figures", "handler").status());
        assertEquals(401, s.get("/api/v1/figures", null).status());
    }
}
