package vn.vanthu.pki;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests of nested ASN.1 deep enough to overflow a recursive parser get the protocol's refusal, quickly. */
class NestedDerTest {
    /** A SEQUENCE holding a SEQUENCE … {@code levels} deep, in BER's indefinite-length form. */
    static byte[] nested(int levels) {
        byte[] der = new byte[4 * levels];
        for (int i = 0; i < levels; i++) {
            der[2 * i] = 0x30;
            der[2 * i + 1] = (byte) 0x80;
        }
        return der;
    }

    @Test
    void an_ocsp_request_nested_a_hundred_thousand_levels_gets_malformed_request() throws Exception {
        long started = System.nanoTime();
        OCSPResp resp = new OCSPResp(Samples.pki().ocsp(nested(100_000)));
        assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, resp.getStatus());
        assertTrue(System.nanoTime() - started < 5_000_000_000L);
    }

    @Test
    void a_time_stamp_request_nested_a_hundred_thousand_levels_is_rejected() throws Exception {
        TimeStampResponse resp = new TimeStampResponse(Samples.pki().timestamp(nested(100_000)));
        assertEquals(PKIStatus.REJECTION, resp.getStatus());
    }
}
