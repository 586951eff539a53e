package vn.vanthu.signing;

import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import vn.vanthu.config.AppConfig;
import vn.vanthu.pki.DevPki;

import java.util.function.Supplier;

/**
 * Chooses signing's DSS sources from the configuration until the trust package provides the verifier:
 * the development PKI in-process when {@code dev.pki} is on, otherwise online CRL/OCSP/AIA; the TSA at
 * {@code tsa.url}, else the development TSA in dev mode, else none.
 *
 * <pre>{@code SigningService signing = SigningSetup.service(config.pki(), devPki);}</pre>
 */
public final class SigningSetup {
    private SigningSetup() {}

    /** @param dev the development PKI already loaded by the App, or null when dev.pki is off */
    public static SigningService service(AppConfig.Pki config, DevPki dev) {
        Supplier<CertificateVerifier> verifiers = dev != null ? DevSigningSources.verifiers(dev) : () -> {
            // INTEGRATOR: replace with the trust package's verifier (configured anchors, revocation mode).
            CommonCertificateVerifier cv = new CommonCertificateVerifier();
            cv.setCrlSource(new OnlineCRLSource());
            cv.setOcspSource(new OnlineOCSPSource());
            cv.setAIASource(new DefaultAIASource());
            return cv;
        };
        TSPSource tsp = !config.tsaUrl().isBlank() ? new OnlineTSPSource(config.tsaUrl())
                : dev != null ? DevSigningSources.tsp(dev) : null;
        return new SigningService(verifiers, tsp);
    }
}
