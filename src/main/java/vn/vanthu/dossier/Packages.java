package vn.vanthu.dossier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.signing.SigningService;
import vn.vanthu.store.Daemons;
import vn.vanthu.store.DocumentStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The sealed archival packages of closed dossiers: streamed as a ZIP from their manifest and seal, and kept
 * verifiable for decades by renewal, which adds an archive timestamp when the newest timestamp's certificate
 * expires within the configured window (on request, or by the job {@link #startRenewals()} schedules).
 *
 * <pre>{@code packages.write(dossier, response.outputStream()); packages.renew("clerk-id", dossierId);}</pre>
 */
public final class Packages implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Packages.class);
    static final String SYSTEM = "system";

    private final DossierService dossiers;
    private final DossierDao dao;
    private final DocumentStore store;
    private final PackageSeal seal;
    private final AppConfig.Dossiers config;
    private ScheduledExecutorService scheduler;

    Packages(DossierService dossiers, DossierDao dao, DocumentStore store, SigningService signing,
             AppConfig.Dossiers config) {
        this.dossiers = dossiers;
        this.dao = dao;
        this.store = store;
        this.seal = new PackageSeal(signing, store);
        this.config = config;
    }

    /** The package's files in ZIP order, without the seal. */
    List<PackageEntry> entries(Dossier d) {
        return Closing.manifest(store.readAllBytes(sealed(d).packageManifest()));
    }

    public String fileName(Dossier d) {
        return "ho-so-" + d.fileCode().replaceAll("[^A-Za-z0-9.-]+", "-") + ".zip";
    }

    public void write(String id, OutputStream out) throws IOException {
        Dossier d = sealed(dossiers.get(id));
        PackageZip.write(out, store, entries(d), d.sealSha256(), d.closedAt());
    }

    /** Adds an archive timestamp over the package now; the package stays valid and gains one timestamp. */
    public Dossier renew(String userId, String id) {
        Dossier d = sealed(dossiers.get(id));
        byte[] renewed = seal.renew(store.readAllBytes(d.sealSha256()), entries(d));
        String sha = store.put(new ByteArrayInputStream(renewed), "application/xml").sha256();
        if (!dao.replaceSeal(d.id(), d.sealSha256(), sha, PackageSeal.newestStampExpiry(renewed), userId)) {
            throw ApiException.conflict("RENEWED_MEANWHILE", "The package was renewed by another request meanwhile; fetch it again");
        }
        return dossiers.get(id);
    }

    /** Renews every package whose newest timestamp's certificate expires within the window; returns how many. */
    public int renewExpiring() {
        OffsetDateTime horizon = dossiers.now().plus(config.renewWindow());
        int renewed = 0;
        for (Dossier d : dao.sealedExpiringBefore(horizon)) {
            try {
                renew(SYSTEM, d.id());
                renewed++;
            } catch (RuntimeException e) {
                log.warn("Renewing the package of dossier {} failed; it is tried again next run: {}", d.id(), e.toString());
            }
        }
        if (renewed > 0) {
            log.info("Added an archive timestamp to {} package(s)", renewed);
        }
        return renewed;
    }

    /** Runs {@link #renewExpiring()} every configured interval (not at all when it is zero). */
    public Packages startRenewals() {
        if (!config.renewInterval().isZero()) {
            scheduler = Daemons.every("package-renewal", Duration.ofMinutes(5), config.renewInterval(), this::renewQuietly);
        }
        return this;
    }

    private void renewQuietly() {
        try {
            renewExpiring();
        } catch (RuntimeException e) {
            log.warn("The package renewal run failed: {}", e.toString());
        }
    }

    private static Dossier sealed(Dossier d) {
        if (d.sealSha256() == null) {
            throw ApiException.conflict("DOSSIER_NOT_CLOSED", "Dossier " + d.id() + " is " + d.status() + "; its package exists once it is closed");
        }
        return d;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
