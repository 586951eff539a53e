package vn.vanthu;

import vn.vanthu.keys.ServiceSeal;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.audit.AuditController;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.backup.BackupController;
import vn.vanthu.config.AppConfig;
import vn.vanthu.config.ConfigException;
import vn.vanthu.digitization.DigitizationFeature;
import vn.vanthu.dispatch.DispatchFeature;
import vn.vanthu.documents.DocumentAccess;
import vn.vanthu.limits.WorkBudget;
import vn.vanthu.documents.DocumentController;
import vn.vanthu.documents.Thumbnails;
import vn.vanthu.documents.ThumbnailController;
import vn.vanthu.dispatch.CopyPagesController;
import vn.vanthu.digitization.DigitizationPagesController;
import vn.vanthu.keys.KeyPagesController;
import vn.vanthu.dossier.DossierFeature;
import vn.vanthu.dossier.Packages;
import vn.vanthu.figures.FiguresFeature;
import vn.vanthu.exchange.DeliveryWorker;
import vn.vanthu.exchange.ExchangeFeature;
import vn.vanthu.jobs.Jobs;
import vn.vanthu.jobs.JobsFeature;
import vn.vanthu.incoming.IncomingFeature;
import vn.vanthu.keys.KeysFeature;
import vn.vanthu.audit.AuditPagesController;
import vn.vanthu.pages.AdminPagesController;
import vn.vanthu.pages.SignInController;
import vn.vanthu.pki.DevPki;
import vn.vanthu.pki.PkiController;
import vn.vanthu.signing.SigningFeature;
import vn.vanthu.signing.shortcuts.Shortcuts;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.H2Backup;
import vn.vanthu.store.Instance;
import vn.vanthu.store.OrphanSweeper;
import vn.vanthu.trust.CertificateHealth;
import vn.vanthu.trust.TrustController;
import vn.vanthu.trust.TrustServices;
import vn.vanthu.users.PasswordController;
import vn.vanthu.users.UsersFeature;
import vn.vanthu.validation.ValidationFeature;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Health;
import vn.vanthu.web.WebServer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The wiring: opens the database, builds each feature once, declares the routes and builds the web server.
 * {@link #start()} listens; {@link #close()} finishes requests in flight, then closes the database.
 *
 * <pre>{@code try (App app = App.create(ConfigLoader.load(System.getenv()))) { app.start(); … }}</pre>
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final AppConfig config;
    private final Database db;
    private final Javalin web;
    private final List<String> registeredRoutes;
    private final Packages packages;
    private final Jobs jobs;
    private final Instance instance;
    private final OrphanSweeper sweeper;
    private final DeliveryWorker deliveries;

    private App(AppConfig config, Database db, Javalin web, List<String> registeredRoutes, Packages packages, Jobs jobs,
                Instance instance, OrphanSweeper sweeper, DeliveryWorker deliveries) {
        this.config = config;
        this.db = db;
        this.web = web;
        this.registeredRoutes = registeredRoutes;
        this.packages = packages;
        this.jobs = jobs;
        this.instance = instance;
        this.sweeper = sweeper;
        this.deliveries = deliveries;
    }

    public static App create(AppConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** With the clock every feature reads the time from (tests move it). */
    public static App create(AppConfig config, Clock clock) {
        long t0 = System.nanoTime();
        Shortcuts.install(config.dssShortcuts());   // before any feature uses DSS
        // The development PKI's keystores load while the database migrates: both are start-up's slowest steps.
        CompletableFuture<DevPki> devPkiLoad = config.pki().devPki()
                ? CompletableFuture.supplyAsync(() -> loadDevPki(config.pki().devPkiDir()))
                : CompletableFuture.completedFuture(null);
        Database db;
        try {
            db = Database.open(config.storage());
        } catch (RuntimeException e) {
            devPkiLoad.cancel(true);
            throw e;
        }
        long tDb = System.nanoTime();
        try {
            AuditLog audit = new AuditLog(db, clock);
            DocumentStore documents = new DocumentStore(db, clock);
            Instance instance = Instance.register(db, clock);   // before any feature takes over what dead ones held
            UsersFeature users = UsersFeature.create(db, config.demoUsers(), config.storage().dataDir(), clock,
                    config.access().tokenDays());
            KeysFeature keys = KeysFeature.create(config, db, users.service(), clock);
            DevPki devPki = join(devPkiLoad);
            // Unreadable trust anchors (in production, development ones too) stop start-up here, naming the file.
            TrustServices trust = TrustServices.create(config, devPki);
            log.info("Prepared in {} ms (database and migrations {} ms)",
                    (System.nanoTime() - t0) / 1_000_000, (tDb - t0) / 1_000_000);
            ValidationFeature validation = ValidationFeature.create(config, db, trust, clock);
            SigningFeature signing = SigningFeature.create(config, db, documents, trust, keys.service(),
                    keys.service().sealRule(validation.service()), clock);
            ServiceSeal seal = ServiceSeal.of(config);
            ExchangeFeature.Early exchangeParts = ExchangeFeature.early(config, db, users.service(), instance, clock);
            JobsFeature jobs = JobsFeature.create(db, clock);
            var digitizedFiling = new java.util.concurrent.atomic.AtomicReference<vn.vanthu.digitization.DossierFiling>();
            DigitizationFeature digitization = DigitizationFeature.create(config.digitization(), db, documents,
                    jobs.service(), digitizedFiling::get, clock);
            var pictures = new Thumbnails(documents);
            DispatchFeature dispatch = DispatchFeature.create(config, db, documents, keys.service(), signing,
                    users.service(), seal, instance, digitization.service(), exchangeParts.organs(),
                    exchangeParts.answers(), pictures, clock);
            IncomingFeature incoming = IncomingFeature.create(config, db, documents, validation.service(),
                    users.service(), dispatch.service(), digitization.service(), exchangeParts.statuses(), exchangeParts.answered(), clock);
            DossierFeature dossiers = DossierFeature.create(config, db, documents, keys.service(), signing.service(),
                    users.service(), validation.service(), dispatch.service(), digitization.service(), incoming, clock);
            digitizedFiling.set(dossiers.digitizedFiling());
            ExchangeFeature exchange = exchangeParts.create(dispatch.service(), dispatch.messages(), incoming,
                    signing.service(), seal, users.service());
            FiguresFeature figures = FiguresFeature.create(config, db, signing.service(), seal, clock);

            var access = new DocumentAccess(db, dispatch.service()::sees, incoming.service()::sees);
            var controllers = new Routes.Controllers(users.controller(), new AuditController(audit),
                    new DocumentController(documents, access), devPki == null ? null : new PkiController(devPki),
                    keys.controller(), signing.controller(), validation.controller(), dispatch.dispatches(),
                    dispatch.copies(), dossiers.catalogues(), dossiers.dossiers(),
                    new BackupController(new H2Backup(db)), jobs.controller(), digitization.controller(),
                    incoming.controller(), dispatch.numbering(), figures.controller(),
                    new PageRoutes.Pages(new SignInController(users.signIn()),
                    new AdminPagesController(users.service(), users.signIn()), validation.pages(),
                    new AuditPagesController(audit), dispatch.pages(), incoming.pages(),
                    new PasswordController(users.signIn())), exchange.organs(), exchange.controller(),
                    new PageRoutes.WorkPages(dossiers.pages(), dossiers.cataloguePages(),
                    new KeyPagesController(keys.service(), users.service(), config.keys().pkcs11Libraries()),
                    new DigitizationPagesController(digitization.service()),
                    new CopyPagesController(dispatch.copies(), dispatch.service(), keys.service()),
                    new ThumbnailController(pictures, access), figures.pages(), exchange.answerPages(),
                    dossiers.incomingFiling()), new TrustController(trust, seal::certificate, clock),
                    new PageRoutes.AdminPages(exchangeParts.pages(), dispatch.numberingPages()));
            Health health = new Health().fact("profile", config.profile().label())
                    .add("database", () -> Health.Check.of(db.isUsable(), Map.of("type", db.isPostgres() ? "postgresql" : "h2")))
                    .add("keys", keys.service()::health)
                    .add("trustAnchors", () -> CertificateHealth.of(trust.anchors(), clock))
                    .add("sealCertificate", () -> seal.certificate().map(c -> CertificateHealth.of(List.of(c), clock))
                            .orElse(Health.Check.of(true, Map.of("configured", false))));
            List<String> registered = new CopyOnWriteArrayList<>();
            Javalin web = WebServer.create(config.server(), Routes.declare(controllers),
                    new Auth(users.service()::authenticate, users.signIn()::session), audit, health, registered::add,
                    () -> trust.fetches().render() + keys.service().metrics()
                            + WorkBudget.render(List.of(validation.service().budget(), signing.service().budget())), clock);
            return new App(config, db, web, registered, dossiers.packages(), jobs.service(), instance,
                    new OrphanSweeper(db, documents, clock), exchange.worker());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static DevPki loadDevPki(Path dir) {
        try {
            return DevPki.load(dir);
        } catch (RuntimeException e) {
            throw new ConfigException("Cannot load the development PKI from " + dir + " (VANTHU_DEV_PKI_DIR); "
                    + "run from the project folder, or set VANTHU_DEV_PKI=false outside development");
        }
    }

    public App start() {
        web.start(config.server().host(), config.server().port());
        packages.startRenewals();
        instance.start();
        sweeper.start(config.storage().sweepInterval());
        deliveries.start();
        log.info("vanthu listens on http://{}:{}", config.server().host(), web.port());
        return this;
    }

    public int port() {
        return web.port();
    }

    /** "METHOD path" of every HTTP handler registered with the web server. */
    public List<String> registeredRoutes() {
        return List.copyOf(registeredRoutes);
    }

    /** The archival packages (their renewal job runs while the service does). */
    public Packages packages() {
        return packages;
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        packages.close();
        sweeper.close();
        deliveries.close();
        web.stop();
        jobs.close();
        instance.close();
        db.close();
        log.info("vanthu stopped");
    }
}
