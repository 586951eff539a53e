package vn.vanthu;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.audit.AuditController;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.config.AppConfig;
import vn.vanthu.config.ConfigException;
import vn.vanthu.dispatch.DispatchController;
import vn.vanthu.documents.DocumentController;
import vn.vanthu.dossier.CatalogueController;
import vn.vanthu.dossier.CatalogueService;
import vn.vanthu.dossier.Closing;
import vn.vanthu.dossier.DossierController;
import vn.vanthu.dossier.DossierService;
import vn.vanthu.dossier.Exports;
import vn.vanthu.dossier.Filing;
import vn.vanthu.dossier.Packages;
import vn.vanthu.keys.KeyController;
import vn.vanthu.keys.KeyService;
import vn.vanthu.pki.DevPki;
import vn.vanthu.pki.PkiController;
import vn.vanthu.signing.SigningController;
import vn.vanthu.signing.SigningService;
import vn.vanthu.signing.TwoStepSigning;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.trust.TrustServices;
import vn.vanthu.users.DemoUsers;
import vn.vanthu.users.UserController;
import vn.vanthu.users.UserService;
import vn.vanthu.validation.Policies;
import vn.vanthu.validation.ReportPdf;
import vn.vanthu.validation.ValidationController;
import vn.vanthu.validation.ValidationService;
import vn.vanthu.validation.ValidationStore;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Health;
import vn.vanthu.web.Routes;
import vn.vanthu.web.WebServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The wiring: opens the database, builds every feature's service and controller, and the web server.
 * {@link #start()} listens; {@link #close()} finishes requests in flight, then closes the database.
 *
 * <pre>{@code try (App app = App.create(ConfigLoader.load(System.getenv()))) { app.start(); … }}</pre>
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    static {
        vn.vanthu.signing.XmlSecurityLimits.raise();   // before any XML signature is made or read
    }

    private final AppConfig config;
    private final Database db;
    private final Javalin web;
    private final List<String> registeredRoutes;
    private final Packages packages;

    private App(AppConfig config, Database db, Javalin web, List<String> registeredRoutes, Packages packages) {
        this.config = config;
        this.db = db;
        this.web = web;
        this.registeredRoutes = registeredRoutes;
        this.packages = packages;
    }

    public static App create(AppConfig config) {
        long t0 = System.nanoTime();
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
            UserService users = new UserService(db);
            AuditLog audit = new AuditLog(db);
            DocumentStore documents = new DocumentStore(db);
            if (config.demoUsers()) {
                DemoUsers.ensure(users, config.storage().dataDir());
            }
            KeyService keys = new KeyService(db, users, config.keys());
            if (config.pki().devPki() && config.demoUsers()) {
                keys.seedDevelopmentKeys(config.pki().devPkiDir(), users);
            }
            Health health = new Health()
                    .add("database", () -> Health.Check.of(db.isUsable(), Map.of("type", db.isPostgres() ? "postgresql" : "h2")))
                    .add("keys", keys::health);
            DevPki devPki = join(devPkiLoad);
            // Unreadable trust anchors stop start-up here, naming the file.
            TrustServices trust = TrustServices.create(config.pki(), config.validation().trustAnchorsPassword(), devPki);
            health.add("trustAnchors", () -> Health.Check.of(!trust.anchors().isEmpty(), trustDetails(trust)));
            log.info("Prepared in {} ms (database and migrations {} ms)",
                    (System.nanoTime() - t0) / 1_000_000, (tDb - t0) / 1_000_000);
            SigningService signing = new SigningService(trust::newSigningVerifier, trust.tspSource());
            var signingController = new SigningController(signing,
                    new TwoStepSigning(signing, documents, db, config.keys().preparationTtl()), keys);
            var validation = new ValidationService(trust, Policies.load(config.validation().policyDir()),
                    config.validation().maxSignatures(), config.validation().maxConcurrent());
            var validationController = new ValidationController(validation, new ValidationStore(db),
                    ReportPdf.create(config, trust));
            CatalogueService catalogue = new CatalogueService(db, config.agency());
            Dossiers dossiers = dossiers(config, db, documents, keys, signing, users, validation, catalogue);
            var controllers = new Routes.Controllers(new UserController(users), new AuditController(audit),
                    new DocumentController(documents), devPki == null ? null : new PkiController(devPki),
                    new KeyController(keys), signingController, validationController,
                    dispatchController(config, db, documents, keys, signing, users),
                    copyController(config, db, documents, keys, signing, users),
                    new CatalogueController(catalogue), dossiers.controller());
            List<String> registered = new CopyOnWriteArrayList<>();
            Javalin web = WebServer.create(config.server(), Routes.declare(controllers), new Auth(users), audit,
                    health, registered::add);
            return new App(config, db, web, registered, dossiers.packages());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static DispatchController dispatchController(AppConfig config, Database db, DocumentStore documents,
                                                         KeyService keys, SigningService signing, UserService users) {
        var dispatches = new vn.vanthu.dispatch.DispatchService(db, documents, keys, signing, users, config.agency());
        var numbers = new vn.vanthu.dispatch.NumberSeries(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(10));
        var twoStep = new TwoStepSigning(signing, documents, db, config.keys().preparationTtl());
        var messages = new vn.vanthu.dispatch.EdXmlMessages(dispatches, signing, vn.vanthu.keys.ServiceSeal.of(config));
        return new DispatchController(dispatches, new vn.vanthu.dispatch.Issuing(dispatches, numbers, documents, keys, signing, messages),
                new vn.vanthu.dispatch.Register(dispatches, numbers), new vn.vanthu.dispatch.DispatchTwoStep(dispatches, twoStep, signing),
                messages);
    }

    /** The dossier feature: its controller, and the packages whose renewal job runs while the service does. */
    private record Dossiers(DossierController controller, Packages packages) {}

    private static Dossiers dossiers(AppConfig config, Database db, DocumentStore documents, KeyService keys,
                                     SigningService signing, UserService users, ValidationService validation,
                                     CatalogueService catalogue) {
        var dispatches = new vn.vanthu.dispatch.DispatchService(db, documents, keys, signing, users, config.agency());
        var service = new DossierService(db, users, catalogue, config.agency(), config.dossiers());
        var packages = new Packages(service, documents, signing, config.dossiers());
        return new Dossiers(new DossierController(service, new Filing(service, dispatches, documents, validation),
                new Closing(service, documents, keys, validation, signing), packages, new Exports(service, documents)), packages);
    }

    private static vn.vanthu.dispatch.CopyController copyController(AppConfig config, Database db, DocumentStore documents,
                                                                    KeyService keys, SigningService signing, UserService users) {
        var dispatches = new vn.vanthu.dispatch.DispatchService(db, documents, keys, signing, users, config.agency());
        var numbers = new vn.vanthu.dispatch.NumberSeries(db, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(10));
        return new vn.vanthu.dispatch.CopyController(new vn.vanthu.dispatch.Copies(dispatches, numbers, documents, keys, signing));
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static DevPki loadDevPki(java.nio.file.Path dir) {
        try {
            return DevPki.load(dir);
        } catch (RuntimeException e) {
            throw new ConfigException("Cannot load the development PKI from " + dir + " (VANTHU_DEV_PKI_DIR); "
                    + "run from the project folder, or set VANTHU_DEV_PKI=false outside development");
        }
    }

    private static Map<String, Object> trustDetails(TrustServices trust) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("count", trust.anchors().size());
        d.put("earliestExpiry", trust.earliestAnchorExpiry() == null ? null : trust.earliestAnchorExpiry().toString());
        return d;
    }

    public App start() {
        web.start(config.server().host(), config.server().port());
        packages.startRenewals();
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
        web.stop();
        db.close();
        log.info("vanthu stopped");
    }
}
