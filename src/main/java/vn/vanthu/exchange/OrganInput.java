package vn.vanthu.exchange;

import vn.vanthu.error.ApiException;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A directory entry as an administrator sends it: {@code organId}, {@code name}, {@code inboxUrl},
 * {@code certificate} (the partner's seal certificate, PEM), {@code anchor} (its trust anchor, PEM) and
 * {@code inboxToken} (the bearer token the partner issued us; on an update, absent keeps the one held).
 * Every field is bounded and checked before anything is stored.
 *
 * <pre>{@code OrganInput in = Requests.json(ctx, OrganInput.class, "{organId, name, inboxUrl, certificate, anchor, inboxToken}").checked(true);}</pre>
 */
record OrganInput(String organId, String name, String inboxUrl, String certificate, String anchor, String inboxToken) {
    static final int MAX_PEM = 12_000;
    static final int ORGAN_ID = 50;
    static final int NAME = 300;
    static final int URL = 500;
    static final int TOKEN = 500;
    /** The body of adding or replacing an organ, as checked before the reader and documented. */
    static final BodySpec FIELDS = BodySpec.json(FieldSpec.text("organId", ORGAN_ID), FieldSpec.text("name", NAME),
            FieldSpec.text("inboxUrl", URL), FieldSpec.text("certificate", MAX_PEM), FieldSpec.text("anchor", MAX_PEM),
            FieldSpec.text("inboxToken", TOKEN));

    /** {@code creating}: the organ id is required (on an update it comes from the path). */
    OrganInput checked(boolean creating) {
        String id = creating ? organId(organId) : null;
        String n = text("name", name, NAME);
        String url = url(inboxUrl);
        String cert = text("certificate", certificate, MAX_PEM);
        String a = text("anchor", anchor, MAX_PEM);
        String token = inboxToken == null ? null : inboxToken.strip();
        if (token != null && (token.isEmpty() || token.length() > TOKEN || !token.matches("[\\x21-\\x7E]+"))) {
            throw ApiException.badRequest("INVALID_FIELD", "inboxToken must be 1-" + TOKEN + " printable ASCII characters", "inboxToken");
        }
        return new OrganInput(id, n, url, cert, a, token);
    }

    /** An organ identifier as Decision 20/2020 shapes them (000.00.12.H56): letters, digits and dots. */
    static String organId(String value) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[A-Za-z0-9][A-Za-z0-9.\\-]{0," + (ORGAN_ID - 1) + "}")) {
            throw ApiException.badRequest("INVALID_FIELD", "organId must be 1-" + ORGAN_ID + " letters, digits, dots or hyphens", "organId");
        }
        return v;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("MISSING_FIELD", field + " is required", field);
        }
        String v = value.strip();
        if (v.length() > max || v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be at most " + max + " characters of text", field);
        }
        return v;
    }

    private static String url(String value) {
        String v = text("inboxUrl", value, URL);
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getUserInfo() != null
                    || u.getFragment() != null) {
                throw ApiException.badRequest("INVALID_FIELD", "inboxUrl must be an http(s) URL with a host and no user or fragment", "inboxUrl");
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("INVALID_FIELD", "inboxUrl is not a URL", "inboxUrl");
        }
    }
}
