package vn.vanthu.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.Json;

/**
 * Where and how a PAdES signature shows on the page: a rectangle in PDF points measured from the page's
 * TOP-LEFT corner (as a person measures on paper), the key owner's image or none, and optional text.
 *
 * <pre>{@code VisibleSignature v = VisibleSignature.parse("{\"page\":1,\"x\":350,\"y\":600,\"width\":180,\"height\":80,\"image\":\"own\"}");}</pre>
 */
public record VisibleSignature(int page, float x, float y, float width, float height, boolean ownImage, String text) {
    private static final ObjectMapper JSON = Json.MAPPER;

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
