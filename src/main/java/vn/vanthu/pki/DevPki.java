package vn.vanthu.pki;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The development PKI of {@code keystore-samples/} as in-process responders: CRLs of the root and issuing
 * CAs, an OCSP responder, an RFC 3161 TSA, and the CA certificates. FOR TESTS AND DEMOS ONLY.
 *
 * <p>The URLs baked into the development certificates ({@value #BASE_URL}…) are answered without any network
 * by {@link #serves}, {@link #get} and {@link #post}, so a DSS {@code DataLoader} can delegate to this class
 * and revocation data and timestamps work offline, whatever port the service really listens on:
 *
 * <pre>{@code
 * DevPki pki = DevPki.load(Path.of("keystore-samples"));
 * if (pki.serves(url)) {
 *     byte[] crl = pki.get("http://localhost:8080/pki/crl/issuing.crl");
 *     byte[] tsr = pki.post("http://localhost:8080/pki/tsa", timeStampQueryDer);
 * }
 * }</pre>
 *
 * <p>Endpoints (relative to {@value #BASE_URL}): GET {@code crl/issuing.crl}, {@code crl/root.crl},
 * {@code certs/issuing-ca.crt}, {@code certs/root-ca.crt}, {@code ocsp/<base64 request>} (RFC 6960 GET form);
 * POST {@code ocsp} (application/ocsp-request), {@code tsa} (application/timestamp-query).
 * TSA policy: {@value #TSA_POLICY_OID}. Unknown names and URLs raise {@link IllegalArgumentException}.
 * Instances are immutable apart from an internally synchronised CRL cache, so they are thread-safe.
 */
public final class DevPki {
    /** Prefix of every URL written into the development certificates. */
    public static final String BASE_URL = "http://localhost:8080/pki/";
    /** Policy OID put in every time-stamp token (private example arc, meaningless outside development). */
    public static final String TSA_POLICY_OID = "1.3.6.1.4.1.99999.1.1";

    private final X509Certificate root;
    private final X509Certificate issuing;
    private final Map<String, CrlIssuer> crls;
    private final OcspResponder ocsp;
    private final TimeStampAuthority tsa;

    private DevPki(SigningKey rootCa, SigningKey issuingCa, SigningKey ocspKey, SigningKey tsaKey,
                   List<RevokedEntry> revoked, Clock clock) {
        this.root = rootCa.certificate();
        this.issuing = issuingCa.certificate();
        // revoked.txt lists end-entity certificates, all issued by the issuing CA; the root CRL stays empty.
        this.crls = Map.of(
                "issuing", new CrlIssuer(issuingCa, revoked, clock),
                "root", new CrlIssuer(rootCa, List.of(), clock));
        this.ocsp = new OcspResponder(ocspKey, issuingCa, revoked, clock);
        this.tsa = new TimeStampAuthority(tsaKey, clock);
    }

    /** Loads root-ca, issuing-ca, ocsp and tsa keystores and revoked.txt from {@code keystoreSamplesDir}. */
    public static DevPki load(Path keystoreSamplesDir) {
        return load(keystoreSamplesDir, Clock.systemUTC());
    }

    /** As {@link #load(Path)}, with the clock used for thisUpdate, producedAt and genTime (tests). */
    public static DevPki load(Path keystoreSamplesDir, Clock clock) {
        return new DevPki(
                SigningKey.load(keystoreSamplesDir, "root-ca"),
                SigningKey.load(keystoreSamplesDir, "issuing-ca"),
                SigningKey.load(keystoreSamplesDir, "ocsp"),
                SigningKey.load(keystoreSamplesDir, "tsa"),
                RevokedEntry.read(keystoreSamplesDir.resolve("revoked.txt")),
                clock);
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    public X509Certificate issuingCertificate() {
        return issuing;
    }

    /**
     * DER CRL of {@code issuing} or {@code root} (a trailing {@code .crl} is accepted): thisUpdate = signing
     * time, nextUpdate one day later; re-signed at most every five minutes.
     *
     * @throws IllegalArgumentException for any other name
     */
    public byte[] crl(String name) {
        CrlIssuer issuer = crls.get(strip(name, ".crl"));
        if (issuer == null) {
            throw new IllegalArgumentException("no CRL named " + name);
        }
        return issuer.current();
    }

    /** DER OCSP response (RFC 6960); malformed requests get a malformedRequest response, never an exception. */
    public byte[] ocsp(byte[] ocspRequestDer) {
        return ocsp.respond(ocspRequestDer == null ? new byte[0] : ocspRequestDer);
    }

    /** DER TimeStampResp (RFC 3161); malformed requests get a rejection/badDataFormat, never an exception. */
    public byte[] timestamp(byte[] timeStampRequestDer) {
        return tsa.respond(timeStampRequestDer == null ? new byte[0] : timeStampRequestDer);
    }

    /**
     * DER certificate {@code root-ca} or {@code issuing-ca} (a trailing {@code .crt} is accepted).
     *
     * @throws IllegalArgumentException for any other name
     */
    public byte[] certificate(String name) {
        X509Certificate cert = switch (strip(name, ".crt")) {
            case "root-ca" -> root;
            case "issuing-ca" -> issuing;
            default -> throw new IllegalArgumentException("no certificate named " + name);
        };
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code url} is one of the development PKI endpoints (GET or POST). */
    public boolean serves(String url) {
        String path = path(url);
        return path != null && (isGetPath(path) || path.equals("ocsp") || path.equals("tsa"));
    }

    /**
     * Answers a GET on a development PKI URL: CRLs, CA certificates, OCSP in its GET form.
     *
     * @throws IllegalArgumentException when the URL is not served by GET
     */
    public byte[] get(String url) {
        String path = path(url);
        if (path == null || !isGetPath(path)) {
            throw new IllegalArgumentException("not a development PKI GET URL: " + url);
        }
        if (path.startsWith("crl/")) {
            return crl(path.substring("crl/".length()));
        }
        if (path.startsWith("certs/")) {
            return certificate(path.substring("certs/".length()));
        }
        String encoded = java.net.URLDecoder.decode(path.substring("ocsp/".length()),
                java.nio.charset.StandardCharsets.US_ASCII);
        byte[] request;
        try {
            request = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            request = new byte[0]; // answered as malformedRequest, like any other unreadable request
        }
        return ocsp(request);
    }

    /**
     * Answers a POST on {@code …/pki/ocsp} or {@code …/pki/tsa}.
     *
     * @throws IllegalArgumentException for any other URL
     */
    public byte[] post(String url, byte[] body) {
        String path = path(url);
        if ("ocsp".equals(path)) {
            return ocsp(body);
        }
        if ("tsa".equals(path)) {
            return timestamp(body);
        }
        throw new IllegalArgumentException("not a development PKI POST URL: " + url);
    }

    private static boolean isGetPath(String path) {
        return switch (path) {
            case "crl/issuing.crl", "crl/root.crl", "certs/issuing-ca.crt", "certs/root-ca.crt" -> true;
            default -> path.startsWith("ocsp/") && path.length() > "ocsp/".length();
        };
    }

    /** The path after {@value #BASE_URL}, without query or fragment; null when the URL is elsewhere. */
    private static String path(String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || !uri.getHost().toLowerCase(Locale.ROOT).equals("localhost") || uri.getPort() != 8080
                || uri.getRawPath() == null || !uri.getRawPath().startsWith("/pki/")) {
            return null;
        }
        return uri.getRawPath().substring("/pki/".length());
    }

    private static String strip(String name, String suffix) {
        if (name == null) {
            return "";
        }
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
