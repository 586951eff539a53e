package vn.vanthu.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handlers answer through a real Javalin server and a real HTTP client. */
class PkiControllerTest {
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        PkiController pki = new PkiController(Samples.pki());
        app = Javalin.create(config -> {
            config.routes.get("/pki/crl/{name}", pki::crl);
            config.routes.get("/pki/certs/{name}", pki::certificate);
            config.routes.post("/pki/ocsp", pki::ocsp);
            config.routes.post("/pki/tsa", pki::timestamp);
        }).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void get_issuing_crl_returns_a_crl_signed_by_the_issuing_ca() throws Exception {
        HttpResponse<byte[]> response = get("/pki/crl/issuing.crl");

        assertEquals(200, response.statusCode());
        assertEquals("application/pkix-crl", contentType(response));
        X509CRLHolder crl = new X509CRLHolder(response.body());
        assertTrue(crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(Samples.pki().issuingCertificate())));
    }

    @Test
    void get_ca_certificates_returns_der() throws Exception {
        HttpResponse<byte[]> issuing = get("/pki/certs/issuing-ca.crt");
        HttpResponse<byte[]> root = get("/pki/certs/root-ca.crt");

        assertEquals(200, issuing.statusCode());
        assertEquals("application/pkix-cert", contentType(issuing));
        assertArrayEquals(Samples.pki().issuingCertificate().getEncoded(), issuing.body());
        assertArrayEquals(Samples.pki().rootCertificate().getEncoded(), root.body());
    }

    @Test
    void unknown_crl_or_certificate_gives_404_with_a_json_error() throws Exception {
        for (String path : new String[] {"/pki/crl/other.crl", "/pki/certs/official1.crt"}) {
            HttpResponse<byte[]> response = get(path);

            assertEquals(404, response.statusCode(), path);
            assertTrue(contentType(response).startsWith("application/json"), path);
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(body.startsWith("{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\""), body);
        }
    }

    @Test
    void post_ocsp_reports_official1_as_good() throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(Samples.pki().issuingCertificate()),
                KeystoreSamplesTest.pem("official1").getSerialNumber());
        byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();

        HttpResponse<byte[]> response = post("/pki/ocsp", "application/ocsp-request", request);

        assertEquals(200, response.statusCode());
        assertEquals("application/ocsp-response", contentType(response));
        OCSPResp ocsp = new OCSPResp(response.body());
        assertEquals(OCSPResp.SUCCESSFUL, ocsp.getStatus());
        assertEquals(CertificateStatus.GOOD, ((BasicOCSPResp) ocsp.getResponseObject()).getResponses()[0].getCertStatus());
    }

    @Test
    void post_tsa_returns_a_token_that_validates_with_the_tsa_certificate() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256,
                MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3}), java.math.BigInteger.TEN);

        HttpResponse<byte[]> response = post("/pki/tsa", "application/timestamp-query", request.getEncoded());

        assertEquals(200, response.statusCode());
        assertEquals("application/timestamp-reply", contentType(response));
        TimeStampResponse reply = new TimeStampResponse(response.body());
        reply.validate(request);
        reply.getTimeStampToken().validate(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                .build(KeystoreSamplesTest.pem("tsa")));
    }

    @Test
    void malformed_ocsp_post_is_answered_200_with_the_protocol_error() throws Exception {
        HttpResponse<byte[]> response = post("/pki/ocsp", "application/ocsp-request", new byte[] {1, 2, 3});

        assertEquals(200, response.statusCode());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(response.body()).getStatus());
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
