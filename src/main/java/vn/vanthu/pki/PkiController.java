package vn.vanthu.pki;

import io.javalin.http.Context;

import java.util.function.Function;

/**
 * HTTP face of the {@link DevPki development PKI}, so that external tools (openssl, Adobe Reader, a browser)
 * can reach the same CRL / OCSP / TSA as the in-process DSS data loader. FOR TESTS AND DEMOS ONLY.
 *
 * <pre>{@code
 * PkiController pki = new PkiController(DevPki.load(Path.of("keystore-samples")));
 * Javalin.create(config -> {
 *     config.routes.get("/pki/crl/{name}", pki::crl);           // issuing.crl, root.crl
 *     config.routes.get("/pki/certs/{name}", pki::certificate); // issuing-ca.crt, root-ca.crt
 *     config.routes.post("/pki/ocsp", pki::ocsp);
 *     config.routes.post("/pki/tsa", pki::timestamp);
 * });
 * }</pre>
 *
 * Unknown names answer 404 with {@code {"errors":[{"code":"NOT_FOUND","message":…}]}}. A malformed OCSP or
 * time-stamp request is not an HTTP error: it gets 200 with the protocol's own failure status, as RFC 6960
 * and RFC 3161 clients expect.
 */
public final class PkiController {
    static final String CRL = "application/pkix-crl";
    static final String CERT = "application/pkix-cert";
    static final String OCSP_RESPONSE = "application/ocsp-response";
    static final String TIMESTAMP_REPLY = "application/timestamp-reply";

    private final DevPki pki;

    public PkiController(DevPki pki) {
        this.pki = pki;
    }

    /** GET /pki/crl/{name}: {@code issuing.crl} or {@code root.crl} (also without the extension). */
    public void crl(Context ctx) {
        serve(ctx, pki::crl, CRL, "No CRL named '%s'; try issuing.crl or root.crl");
    }

    /** GET /pki/certs/{name}: {@code issuing-ca.crt} or {@code root-ca.crt} (DER). */
    public void certificate(Context ctx) {
        serve(ctx, pki::certificate, CERT, "No certificate named '%s'; try issuing-ca.crt or root-ca.crt");
    }

    /** The file of the path's name, or 404 with {@code unknown} (its %s the name) for a name the PKI lacks. */
    private static void serve(Context ctx, Function<String, byte[]> file, String type, String unknown) {
        String name = ctx.pathParam("name");
        byte[] der;
        try {
            der = file.apply(name);
        } catch (IllegalArgumentException e) {
            notFound(ctx, unknown.formatted(name));
            return;
        }
        ctx.contentType(type).result(der);
    }

    /** POST /pki/ocsp with an application/ocsp-request body. */
    public void ocsp(Context ctx) {
        ctx.contentType(OCSP_RESPONSE).result(pki.ocsp(ctx.bodyAsBytes()));
    }

    /** POST /pki/tsa with an application/timestamp-query body. */
    public void timestamp(Context ctx) {
        ctx.contentType(TIMESTAMP_REPLY).result(pki.timestamp(ctx.bodyAsBytes()));
    }

    private static void notFound(Context ctx, String message) {
        // Written by hand so the controller works whatever JSON mapper the application configures.
        ctx.status(404).contentType("application/json")
                .result("{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"" + jsonEscape(message) + "\"}]}");
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
