package vn.vanthu.support;

import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.pki.DevPki;
import vn.vanthu.trust.TrustServices;

import java.util.Map;

/** For tests that validate with DSS directly: a verifier trusting the development root, revocation in-process. */
public final class DevTrust {
    private DevTrust() {}

    public static CertificateVerifier verifier(DevPki pki) {
        return TrustServices.create(ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev")).pki(), "", pki).newSigningVerifier();
    }
}
