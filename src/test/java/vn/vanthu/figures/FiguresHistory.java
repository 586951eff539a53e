package vn.vanthu.figures;

import com.fasterxml.jackson.databind.JsonNode;
import vn.vanthu.digitization.Digitize;
import vn.vanthu.digitization.Scans;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A known history built through the HTTP API while the clock moves through 2026 (Monday 12 October a holiday):
 * three dispatches, four incoming documents, three dossiers, two validations and one digitized page. The
 * figures it must give are written out in {@link FiguresTest}.
 */
final class FiguresHistory {
    static final String PIN = "123456";
    static final Map<String, String> ENV = Map.of("VANTHU_HOLIDAYS", "2026-10-12", "VANTHU_TOKEN_DAYS", "365");

    private final TestServer s;
    private final TestClock clock;

    FiguresHistory(TestServer s, TestClock clock) {
        this.s = s;
        this.clock = clock;
    }

    /** Builds the history; the clock ends on 2026-12-01 09:00. */
    void build() throws InterruptedException {
        String handler = userId("handler");
        // Q3: one dispatch of VP, issued the day it was signed.
        clock.set("2026-09-10T09:00");
        ok(issue(signed("KH", "VP")));
        putCatalogue();
        // Q4: three dossiers opened, one from the catalogue.
        clock.set("2026-10-05T09:00");
        String d1 = ok(s.postJson("/api/v1/dossiers", "clerk", Map.of("catalogueSymbol", "01.VP")), 201).path("id").asText();
        openDossier("99.KHAC");
        String d3 = openDossier("98.KHAC");
        // Friday: dispatch B signed; two incoming documents arrive.
        clock.set("2026-10-09T10:00");
        String b = signed("KH", "VP");
        String i1 = registered("01/UBND-VP", "NORMAL", false);
        String i2 = registered("02/UBND-VP", "NORMAL", false);
        // Tuesday (Monday is a holiday): B issued on time, I1 directed on time; C signed.
        clock.set("2026-10-13T09:00");
        ok(issue(b));
        direct(i1, handler, "VP", "2026-10-20");
        String c = signed("TB", "KHTC");
        // Wednesday: I2 directed a day late; I3 (urgent) directed within the hour; I4 is paper, never directed.
        clock.set("2026-10-14T09:00");
        direct(i2, handler, "KHTC", "2026-10-16");
        String i3 = registered("03/UBND-VP", "URGENT", false);
        clock.set("2026-10-14T10:00");
        direct(i3, handler, "VP", "2026-10-16");
        registered("04/UBND-VP", "NORMAL", true);
        // Thursday: C issued a day late (signed Tuesday, due Wednesday).
        clock.set("2026-10-15T09:00");
        ok(issue(c));
        clock.set("2026-10-19T09:00");
        complete(i1);
        clock.set("2026-10-20T09:00");
        complete(i2);
        // Two dossiers closed and sealed; D1 submitted on time, D3 (work ended June 2025) a year and more after.
        clock.set("2026-10-21T09:00");
        fileDocument(d1, "2026-10-09");
        fileDocument(d3, "2025-06-01");
        ok(s.postJson("/api/v1/dossiers/" + d1 + "/close", "clerk", Map.of("keyId", "seal", "pin", PIN)));
        ok(s.postJson("/api/v1/dossiers/" + d3 + "/close", "clerk", Map.of("keyId", "seal", "pin", PIN)));
        clock.set("2026-11-02T09:00");
        ok(s.postJson("/api/v1/dossiers/" + d1 + "/submit", "clerk", Map.of()));
        ok(s.postJson("/api/v1/dossiers/" + d3 + "/submit", "clerk", Map.of()));
        // Two validations (a sealed dispatch, an unsigned draft) and one page digitized.
        clock.set("2026-11-03T09:00");
        validate(s.get("/api/v1/dispatches/" + b + "/file", "clerk").body());
        validate(DispatchPdf.draft("KH"));
        digitizeOnePage();
        clock.set("2026-12-01T09:00");
    }

    private String signed(String type, String unit) {
        String official = userId("official");
        String metadata = "{\"documentType\":\"" + type + "\",\"subject\":\"Kế hoạch chuyển đổi số năm 2027\","
                + "\"signerPosition\":\"PHÓ GIÁM ĐỐC\",\"signerName\":\"Nguyễn Hữu Thắng\",\"signerUserId\":\"" + official
                + "\",\"recipients\":[\"Các phòng, đơn vị thuộc Sở\"],\"draftingUnit\":\"" + unit + "\","
                + "\"priority\":\"NORMAL\",\"secret\":false,\"dueDate\":null}";
        String id = ok(s.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "du-thao.pdf", "application/pdf", DispatchPdf.draft(type))
                .field("metadata", metadata)), 201).path("id").asText();
        ok(s.postJson("/api/v1/dispatches/" + id + "/sign", "official", Map.of("keyId", "official1", "pin", PIN)));
        return id;
    }

    private TestServer.Response issue(String id) {
        return s.postJson("/api/v1/dispatches/" + id + "/issue", "clerk", Map.of("keyId", "seal", "pin", PIN));
    }

    private String registered(String numberSymbol, String urgency, boolean paper) {
        String metadata = "{\"sendingOrgan\":\"UBND tỉnh Thái Bình\",\"numberSymbol\":\"" + numberSymbol + "\","
                + "\"documentDate\":\"2026-10-01\",\"documentType\":\"Công văn\","
                + "\"subject\":\"V/v triển khai chuyển đổi số năm 2027\",\"urgency\":\"" + urgency + "\",\"secret\":false}";
        String id = ok(s.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .file("file", "van-ban-den.pdf", "application/pdf", DispatchPdf.draft("CV"))
                .field("metadata", metadata).field("scanned", String.valueOf(paper))), 201).path("id").asText();
        ok(s.postJson("/api/v1/incoming/" + id + "/register", "clerk", ""));
        return id;
    }

    private void direct(String id, String lead, String unit, String deadline) {
        ok(s.postJson("/api/v1/incoming/" + id + "/direct", "official", Map.of("leadUserId", lead, "leadUnit", unit,
                "cooperatingUserIds", List.of(), "deadline", deadline, "comment", "Giao phòng chủ trì")));
    }

    private void complete(String id) {
        ok(s.postJson("/api/v1/incoming/" + id + "/complete", "handler", Map.of("result", "FILED", "note", "Đã xử lý")));
    }

    private void putCatalogue() {
        String row = "{\"symbol\":\"01.VP\",\"title\":\"Hồ sơ chuyển đổi số năm 2026\",\"retention\":\"10Y\","
                + "\"responsibleUserId\":\"" + userId("clerk") + "\",\"notes\":null}";
        String body = "{\"headings\":[{\"numeral\":\"I\",\"title\":\"Văn phòng\",\"rows\":[" + row + "]}]}";
        TestServer.Response r = s.send(s.request("/api/v1/catalogues/2026", "clerk").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, r.status(), r.text());
    }

    private String openDossier(String symbol) {
        return ok(s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", symbol, "title", "Hồ sơ " + symbol,
                "retention", "10Y", "responsibleUserId", userId("clerk"))), 201).path("id").asText();
    }

    private void fileDocument(String dossierId, String date) {
        String metadata = "{\"kind\":\"INCOMING\",\"numberSymbol\":\"15/QĐ-UBND\",\"documentDate\":\"" + date + "\","
                + "\"issuingOrgan\":\"UBND tỉnh Thái Bình\",\"documentType\":\"Quyết định\",\"subject\":\"Về việc số hóa\"}";
        ok(s.postMultipart("/api/v1/dossiers/" + dossierId + "/documents", "clerk", new Multipart()
                .file("file", "van-ban.pdf", "application/pdf", DispatchPdf.appendix("QUYẾT ĐỊNH")).field("metadata", metadata)), 201);
    }

    private void validate(byte[] pdf) {
        ok(s.postMultipart("/api/v1/validations", "clerk", new Multipart().file("file", "van-ban.pdf", "application/pdf", pdf)));
    }

    private void digitizeOnePage() throws InterruptedException {
        byte[] png = Scans.png(Scans.blank(210, 297, 300, true), 300);
        JsonNode started = ok(Digitize.submit(s, Digitize.metadata(1), new Digitize.Scan("trang-1.png", "image/png", png)), 202);
        String job = started.path("jobId").asText();
        Instant end = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode state = s.get("/api/v1/jobs/" + job, "clerk").json();
        while (!state.path("state").asText().matches("DONE|FAILED") && Instant.now().isBefore(end)) {
            Thread.sleep(300);
            state = s.get("/api/v1/jobs/" + job, "clerk").json();
        }
        assertEquals("DONE", state.path("state").asText(), state.toString());
    }

    private String userId(String user) {
        return s.get("/api/v1/users/me", user).json().path("id").asText();
    }

    private static JsonNode ok(TestServer.Response r) {
        return ok(r, 200);
    }

    private static JsonNode ok(TestServer.Response r, int status) {
        assertEquals(status, r.status(), r.text());
        try {
            return r.body().length == 0 ? TestServer.JSON.createObjectNode() : TestServer.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
