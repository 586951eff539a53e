package vn.vanthu.dossier;

import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Catalogue bodies as a client writes them, and the PUT the test server's client lacks. */
final class CatalogueFixtures {
    private CatalogueFixtures() {}

    static TestServer.Response put(TestServer s, int year, String user, Object body) {
        try {
            String json = body instanceof String str ? str : TestServer.JSON.writeValueAsString(body);
            return s.send(s.request("/api/v1/catalogues/" + year, user).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String userId(TestServer s, String user) {
        return s.get("/api/v1/users/me", user).json().path("id").asText();
    }

    static Map<String, Object> row(String symbol, String title, String retention, String userId, String notes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", symbol);
        m.put("title", title);
        m.put("retention", retention);
        m.put("responsibleUserId", userId);
        m.put("notes", notes);
        return m;
    }

    static Map<String, Object> heading(String numeral, String title, List<Map<String, Object>> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numeral", numeral);
        m.put("title", title);
        m.put("rows", rows);
        return m;
    }

    /** A small catalogue of a Department of Science and Technology: two headings, three dossiers. */
    static Map<String, Object> catalogue(String clerkId, String officialId) {
        return Map.of("headings", List.of(
                heading("I", "Tổ chức, cán bộ", List.of(
                        row("01.TCCB", "Hồ sơ quy hoạch cán bộ lãnh đạo, quản lý giai đoạn 2026–2031", "PERMANENT",
                                clerkId, "Lưu tại phòng Tổ chức"),
                        row("02.TCCB", "Hồ sơ đánh giá, xếp loại công chức năm 2026", "10Y", officialId, null))),
                heading("II", "Khoa học và công nghệ", List.of(
                        row("01.KHCN", "Hồ sơ xét duyệt nhiệm vụ khoa học cấp tỉnh đặt hàng năm 2027", "20Y",
                                officialId, "Đề tài về chuyển đổi số")))));
    }

    /** The catalogue with one row changed by the function given. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withRow(Map<String, Object> catalogue, int heading, int row,
                                       java.util.function.Consumer<Map<String, Object>> change) {
        List<Map<String, Object>> headings = new ArrayList<>();
        for (Object h : (List<Object>) catalogue.get("headings")) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) h);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object r : (List<Object>) copy.get("rows")) {
                rows.add(new LinkedHashMap<>((Map<String, Object>) r));
            }
            copy.put("rows", rows);
            headings.add(copy);
        }
        change.accept((Map<String, Object>) ((List<Object>) headings.get(heading).get("rows")).get(row));
        return Map.of("headings", headings);
    }
}
