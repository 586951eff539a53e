package vn.vanthu.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The responders' outputs, verified by openssl against the committed keystore-samples. */
class DevPkiOpensslTest {
    @TempDir
    Path tmp;

    @Test
    void issuing_crl_verifies_with_openssl_and_lists_the_revoked_serial() throws Exception {
        Files.write(tmp.resolve("issuing.crl"), Samples.pki().crl("issuing"));

        vn.vanthu.support.OutsideTools.Result result = Openssl.run(tmp, "crl", "-inform", "DER", "-in", "issuing.crl", "-noout", "-text",
                "-verify", "-CAfile", Samples.file("issuing-ca.crt").toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.output().contains("verify OK"), result.toString());
        String revokedSerial = revokedSerialHex();
        assertTrue(result.output().replace(":", "").toUpperCase(Locale.ROOT).contains(revokedSerial), result.toString());
        assertTrue(result.output().contains("Key Compromise"), result.toString());
        assertTrue(result.output().contains("Jun  1 00:00:00 2025 GMT"), result.toString());
    }

    @Test
    void root_crl_verifies_against_the_root_and_revokes_nothing() throws Exception {
        Files.write(tmp.resolve("root.crl"), Samples.pki().crl("root.crl"));

        vn.vanthu.support.OutsideTools.Result result = Openssl.run(tmp, "crl", "-inform", "DER", "-in", "root.crl", "-noout", "-text",
                "-verify", "-CAfile", Samples.file("root-ca.crt").toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.output().contains("verify OK"), result.toString());
        assertTrue(result.output().contains("No Revoked Certificates"), result.toString());
    }

    @Test
    void ocsp_reports_official1_as_good() throws Exception {
        vn.vanthu.support.OutsideTools.Result result = ocspCheck("official1.crt");

        assertTrue(result.output().contains("Response verify OK"), result.toString());
        assertTrue(result.output().contains("official1.crt: good"), result.toString());
    }

    @Test
    void ocsp_reports_the_revoked_signer_as_revoked_with_time_and_reason() throws Exception {
        vn.vanthu.support.OutsideTools.Result result = ocspCheck("revoked.crt");

        assertTrue(result.output().contains("Response verify OK"), result.toString());
        assertTrue(result.output().contains("revoked.crt: revoked"), result.toString());
        assertTrue(result.output().contains("Reason: keyCompromise"), result.toString());
        assertTrue(result.output().contains("Revocation Time: Jun  1 00:00:00 2025 GMT"), result.toString());
    }

    @Test
    void timestamp_reply_verifies_with_openssl_ts() throws Exception {
        Files.writeString(tmp.resolve("data.txt"), "Quyết định số 15/QĐ-SKHCN", StandardCharsets.UTF_8);
        vn.vanthu.support.OutsideTools.Result query = Openssl.run(tmp, "ts", "-query", "-data", "data.txt", "-sha256", "-cert",
                "-out", "req.tsq");
        assertEquals(0, query.exitCode(), query.toString());
        Files.write(tmp.resolve("reply.tsr"), Samples.pki().timestamp(Files.readAllBytes(tmp.resolve("req.tsq"))));
        Files.writeString(tmp.resolve("untrusted.pem"),
                Files.readString(Samples.file("issuing-ca.crt")) + Files.readString(Samples.file("tsa.crt")));

        vn.vanthu.support.OutsideTools.Result verify = Openssl.run(tmp, "ts", "-verify", "-data", "data.txt", "-in", "reply.tsr",
                "-CAfile", Samples.file("root-ca.crt").toString(), "-untrusted", "untrusted.pem");
        vn.vanthu.support.OutsideTools.Result text = Openssl.run(tmp, "ts", "-reply", "-in", "reply.tsr", "-text");

        assertEquals(0, verify.exitCode(), verify.toString());
        assertTrue(verify.output().contains("Verification: OK"), verify.toString());
        assertTrue(text.output().contains("Policy OID: " + DevPki.TSA_POLICY_OID), text.toString());
        assertTrue(text.output().contains("Status: Granted."), text.toString());
    }

    /** Builds the request with openssl, answers it in-process, and lets openssl verify and print the status. */
    private vn.vanthu.support.OutsideTools.Result ocspCheck(String certFile) throws Exception {
        String issuer = Samples.file("issuing-ca.crt").toString();
        String cert = Samples.file(certFile).toString();
        vn.vanthu.support.OutsideTools.Result request = Openssl.run(tmp, "ocsp", "-issuer", issuer, "-cert", cert, "-reqout", "req.der");
        assertEquals(0, request.exitCode(), request.toString());
        Files.write(tmp.resolve("resp.der"), Samples.pki().ocsp(Files.readAllBytes(tmp.resolve("req.der"))));
        Files.writeString(tmp.resolve("chain.pem"),
                Files.readString(Samples.file("root-ca.crt")) + Files.readString(Samples.file("issuing-ca.crt")));
        // -no_nonce: openssl would compare against a fresh nonce of its own; nonce echo is tested in DevPkiTest.
        vn.vanthu.support.OutsideTools.Result result = Openssl.run(tmp, "ocsp", "-respin", "resp.der", "-CAfile", "chain.pem",
                "-issuer", issuer, "-cert", cert, "-no_nonce");
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    static String revokedSerialHex() throws Exception {
        return Files.readAllLines(Samples.file("revoked.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .findFirst().orElseThrow().split("\\s+")[0].toUpperCase(Locale.ROOT);
    }
}
