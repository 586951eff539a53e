package vn.vanthu.dispatch;

import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Series layouts as an administrator writes them, and drafts of a given type, secrecy and printed symbol. */
final class NumberingFixtures {
    private NumberingFixtures() {}

    static TestServer.Response put(TestServer s, int year, String user, Object body) {
        try {
            String json = body instanceof String t ? t : TestServer.JSON.writeValueAsString(body);
            return s.send(s.request("/api/v1/numbering/" + year, user).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every type in {@code rest} except those given their own (legal-normative) series, plus the secret series. */
    static Map<String, Object> layout(String rest, List<String> ownSeries, String secretSuffix) {
        List<Object> series = new ArrayList<>();
        List<String> others = new ArrayList<>(Arrays.stream(DocumentType.values()).map(DocumentType::code).toList());
        others.removeAll(ownSeries);
        series.add(Map.of("code", rest, "types", others));
        for (String type : ownSeries) {
            series.add(Map.of("code", "QPPL_" + ascii(type), "types", List.of(type), "legalNormative", true));
        }
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("code", "MAT");
        secret.put("symbolSuffix", secretSuffix);
        return Map.of("series", series, "secret", secret);
    }

    private static String ascii(String code) {
        return java.text.Normalizer.normalize(code, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("Đ", "D").toUpperCase(java.util.Locale.ROOT);
    }

    /** A draft of {@code type} printing {@code symbol} after "Số:", signed by the demo official. */
    static String signed(TestServer s, String type, boolean secret, String unit, String symbol) {
        return signed(s, s, type, secret, unit, symbol);
    }

    /** The same through server {@code s} with the demo tokens of {@code tokens} (two instances, one database). */
    static String signed(TestServer s, TestServer tokens, String type, boolean secret, String unit, String symbol) {
        String meta = DispatchFixtures.metadata(tokens, type, "Văn bản thử đánh số")
                .replace("\"secret\":false", "\"secret\":" + secret).replace("\"draftingUnit\":\"VP\"", "\"draftingUnit\":\"" + unit + "\"");
        TestServer.Response created = s.postMultipart("/api/v1/dispatches", tokens.token("clerk"), new Multipart()
                .file("file", "draft.pdf", "application/pdf", DispatchPdf.withSymbol(symbol)).field("metadata", meta));
        assertEquals(201, created.status(), created.text());
        String id = created.json().path("id").asText();
        TestServer.Response r = s.postJson("/api/v1/dispatches/" + id + "/sign", tokens.token("official"),
                Map.of("keyId", "official1", "pin", DispatchFixtures.PIN));
        assertEquals(200, r.status(), r.text());
        return id;
    }
}
