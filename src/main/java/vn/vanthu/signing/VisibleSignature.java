package vn.vanthu.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.Json;

/**
 * Where and how a PAdES signature shows on the page: a rectangle in PDF points measured from the page's
 * TOP-LEFT corner (as a person measures on paper), the key owner's image or none, and optional text. A
 * {@code notation} (the text of an appendix or copy seal) is set at exactly {@link #NOTATION_POINTS} pt, never
 * shrunk to fit its box, on no background; other text fills its box.
 *
 * <pre>{@code
 * VisibleSignature v = VisibleSignature.parse("{\"page\":1,\"x\":350,\"y\":600,\"width\":180,\"height\":80,\"image\":\"own\"}");
 * VisibleSignature n = VisibleSignature.notation(400, 12, "SAO Y số 01/SY-SKHCN\n2026-12-07T09:30:00+07:00");
 * }</pre>
 */
public record VisibleSignature(int page, float x, float y, float width, float height, boolean ownImage, String text,
                               boolean notation) {
    private static final ObjectMapper JSON = Json.MAPPER;
    /** The size of notation text (Decree 30 Appendix I: Times New Roman 10 pt). */
    public static final float NOTATION_POINTS = 10f;
    /** Line height of notation text: the font's line gap at 10 pt, rounded up. */
    static final float NOTATION_LEADING = 11.5f;

    public VisibleSignature(int page, float x, float y, float width, float height, boolean ownImage, String text) {
        this(page, x, y, width, height, ownImage, text, false);
    }

    /**
     * A notation on page 1 whose top-left corner is at (x, y) and whose box is as large as its text at 10 pt
     * ({@link #notationWidth}), so nothing is shrunk.
     */
    public static VisibleSignature notation(float x, float y, String text) {
        return new VisibleSignature(1, x, y, notationWidth(text), notationHeight(text), false, text, true);
    }

    /** The width of the text's longest line at 10 pt in the notation font, plus a small margin. */
    public static float notationWidth(String text) {
        return NotationFont.width(text, NOTATION_POINTS) + 6;
    }

    /** The height of the text's lines at 10 pt, plus a small margin. */
    public static float notationHeight(String text) {
        return text.split("\n", -1).length * NOTATION_LEADING + 4;
    }

    public VisibleSignature {
        if (page < 1) {
            throw bad("visible.page must be 1 or more");
        }
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw bad("visible x and y must be ≥ 0, width and height > 0 (PDF points)");
        }
    }

    /** Parses the {@code visible} part; null or blank means an invisible signature. */
    public static VisibleSignature parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (Exception e) {
            throw bad("visible must be a JSON object {page,x,y,width,height,image,text}");
        }
        if (n == null || !n.isObject()) {
            throw bad("visible must be a JSON object {page,x,y,width,height,image,text}");
        }
        String image = n.path("image").asText("none");
        if (!image.equals("own") && !image.equals("none")) {
            throw bad("visible.image must be \"own\" or \"none\"");
        }
        for (String f : new String[] {"x", "y", "width", "height"}) {
            if (!n.path(f).isNumber()) {
                throw bad("visible." + f + " is required (a number of PDF points)");
            }
        }
        String text = n.hasNonNull("text") ? n.get("text").asText() : null;
        return new VisibleSignature(n.path("page").asInt(1), (float) n.get("x").asDouble(),
                (float) n.get("y").asDouble(), (float) n.get("width").asDouble(), (float) n.get("height").asDouble(),
                image.equals("own"), text);
    }

    /** The JSON form stored with a two-step preparation. */
    public String toJson() {
        var o = JSON.createObjectNode().put("page", page).put("x", x).put("y", y).put("width", width)
                .put("height", height).put("image", ownImage ? "own" : "none");
        if (text != null) {
            o.put("text", text);
        }
        return o.toString();
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest("INVALID_VISIBLE", message, "visible");
    }
}
