package vn.vanthu.trust;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import vn.vanthu.config.AppConfig;
import vn.vanthu.config.Profile;
import vn.vanthu.pki.DevPki;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Trust as configuration, for signing and validation alike: the trust anchors ({@code VANTHU_TRUST_ANCHORS},
 * plus the development root only when {@code VANTHU_DEV_PKI=true}; never the JVM's trust store), revocation
 * sources per {@code VANTHU_REVOCATION} (online: CRL, OCSP and AIA through one cached loader; offline: none, only
 * what a file embeds) and the time-stamping source.
 *
 * <pre>{@code
 * TrustServices trust = TrustServices.create(config);
 * CertificateVerifier cv = trust.newVerifier();     // a fresh one per validation or signature
 * TSPSource tsa = trust.tspSource();                // null when no TSA is configured
 * }</pre>
 *
 * Thread-safe. The development PKI's URLs are answered in-process (no network), whatever port the service uses.
 */
public final class TrustServices {
    private final List<X509Certificate> anchors;
    private final AppConfig.RevocationMode revocation;
    private final DataLoader revocationLoader;
    private final DataLoader ocspLoader;
    private final DataLoader aiaLoader;
    private final TSPSource tspSource;
    private final DevPki devPki;
    private final OutboundFetches fetches = new OutboundFetches();

    private TrustServices(List<X509Certificate> anchors, AppConfig.Pki pki, DevPki devPki, OutboundPolicy outbound) {
        this.anchors = List.copyOf(anchors);
        this.revocation = pki.revocation();
        this.devPki = devPki;
        this.revocationLoader = cached(OutboundPolicy.Kind.CRL, outbound, null, pki);
        this.ocspLoader = cached(OutboundPolicy.Kind.OCSP, outbound, "application/ocsp-request", pki);
        this.aiaLoader = cached(OutboundPolicy.Kind.CERTIFICATE, outbound, null, pki);
        this.tspSource = tsp(pki.tsaUrl(), devPki, outbound);
    }

    /**
     * Reads the anchors (a {@link vn.vanthu.config.ConfigException} names any unreadable file, and in the
     * production profile any development certificate) and loads the dev PKI if on.
     */
    public static TrustServices create(AppConfig config) {
        AppConfig.Pki pki = config.pki();
        return create(config, pki.devPki() ? DevPki.load(pki.devPkiDir()) : null);
    }

    /** As {@link #create(AppConfig)} with an already loaded development PKI (null = none). */
    public static TrustServices create(AppConfig config, DevPki devPki) {
        return create(config.pki(), config.validation().trustAnchorsPassword(), devPki,
                config.profile() == Profile.PRODUCTION, OutboundPolicy.of(config.outbound()));
    }

    /** As {@link #create(AppConfig, DevPki)}, development certificates allowed among the anchors (the dev profile). */
    public static TrustServices create(AppConfig.Pki pki, String keystorePassword, DevPki devPki) {
        return create(pki, keystorePassword, devPki, false, OutboundPolicy.DEFAULT);
    }

    private static TrustServices create(AppConfig.Pki pki, String keystorePassword, DevPki devPki, boolean production,
                                        OutboundPolicy outbound) {
        List<X509Certificate> all = new ArrayList<>(TrustAnchors.read(pki.trustAnchors(), keystorePassword, production));
        if (devPki != null && all.stream().noneMatch(c -> c.equals(devPki.rootCertificate()))) {
            all.add(devPki.rootCertificate());
        }
        return new TrustServices(all, pki, devPki, outbound);
    }

    /**
     * A fresh verifier with its own certificate tokens (DSS tokens are not safe to share between concurrent
     * validations) and exactly the configured sources: no default AIA download in offline mode.
     */
    public CertificateVerifier newVerifier() {
        return verifier(revocation == AppConfig.RevocationMode.ONLINE);
    }

    /**
     * A verifier for signing: it always fetches revocation data (through the same cache), because the
     * certificate is checked before signing and LT/LTA signatures embed that data whatever the validation mode.
     */
    public CertificateVerifier newSigningVerifier() {
        return verifier(true);
    }

    private CertificateVerifier verifier(boolean online) {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (X509Certificate c : anchors) {
            trusted.addCertificate(new CertificateToken(c));
        }
        cv.setTrustedCertSources(trusted);
        if (online) {
            cv.setCrlSource(new OnlineCRLSource(revocationLoader));
            cv.setOcspSource(new OnlineOCSPSource(ocspLoader));
            cv.setAIASource(new DefaultAIASource(aiaLoader));
        } else {
            cv.setCrlSource(null);
            cv.setOcspSource(null);
            cv.setAIASource(null);
        }
        return cv;
    }

    /** The configured TSA ({@code tsa.url}), else the development TSA in dev mode, else null. Thread-safe. */
    public TSPSource tspSource() {
        return tspSource;
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** When the first trust anchor stops being valid; null without anchors. */
    public Instant earliestAnchorExpiry() {
        return anchors.stream().map(c -> c.getNotAfter().toInstant()).min(Comparator.naturalOrder()).orElse(null);
    }

    public AppConfig.RevocationMode revocationMode() {
        return revocation;
    }

    /** The in-process development PKI, when {@code VANTHU_DEV_PKI} is on. */
    public Optional<DevPki> devPki() {
        return Optional.ofNullable(devPki);
    }

    /** Outbound fetch counts for {@code /metrics}. */
    public OutboundFetches fetches() {
        return fetches;
    }

    private TSPSource tsp(String tsaUrl, DevPki devPki, OutboundPolicy outbound) {
        if (tsaUrl != null && !tsaUrl.isBlank()) {
            // The configured TSA is reached wherever it is: its host joins the allow-list.
            OutboundPolicy tsa = outbound.allowing(java.net.URI.create(tsaUrl.trim()).getHost());
            return new OnlineTSPSource(tsaUrl.trim(), new DevPkiDataLoader(devPki,
                    guarded(OutboundPolicy.Kind.TIMESTAMP, tsa, "application/timestamp-query")));
        }
        if (devPki != null) {
            // Served by DevPki.timestamp in-process: DevPkiDataLoader answers this URL without any network.
            return new OnlineTSPSource(DevPki.BASE_URL + "tsa", new DevPkiDataLoader(devPki,
                    guarded(OutboundPolicy.Kind.TIMESTAMP, outbound, "application/timestamp-query")));
        }
        return null;
    }

    /** Revocation data and CA certificates: the dev PKI in-process, else the guarded loader, answers cached a while. */
    private DataLoader cached(OutboundPolicy.Kind kind, OutboundPolicy outbound, String contentType, AppConfig.Pki pki) {
        return new CachingDataLoader(new DevPkiDataLoader(devPki, guarded(kind, outbound, contentType)),
                pki.revocationCache(), Clock.systemUTC());
    }

    private GuardedDataLoader guarded(OutboundPolicy.Kind kind, OutboundPolicy policy, String contentType) {
        GuardedDataLoader loader = new GuardedDataLoader(kind, policy, fetches,
                new LdapLoader(policy.connectTimeout().toMillis(), policy.readTimeout().toMillis()));
        if (contentType != null) {
            loader.setContentType(contentType);
        }
        return loader;
    }
}
