package vn.vanthu;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.audit.AuditController;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.config.AppConfig;
import vn.vanthu.documents.DocumentController;
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

import java.util.Map;

/**
 * The wiring: opens the database, builds every feature's service and controller, and the web server.
 * {@link #start()} listens; {@link #close()} finishes requests in flight, then closes the database.
 *
 * <pre>{@code try (App app = App.create(ConfigLoader.load(System.getenv()))) { app.start(); … }}</pre>
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final AppConfig config;
    private final Database db;
    private final Javalin web;

    private App(AppConfig config, Database db, Javalin web) {
        this.config = config;
        this.db = db;
        this.web = web;
    }

    public static App create(AppConfig config) {
        TrustServices trust = TrustServices.create(config); // unreadable anchors stop start-up before the database opens
        Database db = Database.open(config.storage());
        try {
            UserService users = new UserService(db);
            AuditLog audit = new AuditLog(db);
            DocumentStore documents = new DocumentStore(db);
            if (config.demoUsers()) {
                DemoUsers.ensure(users, config.storage().dataDir());
            }
            Health health = new Health()
                    .add("database", () -> Health.Check.of(db.isUsable(), Map.of("type", db.isPostgres() ? "postgresql" : "h2")));
            health.add("trustAnchors", () -> Health.Check.of(!trust.anchors().isEmpty(), trustDetails(trust)));
            var validation = new ValidationService(trust, Policies.load(config.validation().policyDir()),
                    config.validation().maxSignatures(), config.validation().maxConcurrent());
            var validationController = new ValidationController(validation, new ValidationStore(db),
                    ReportPdf.create(config, trust));
            var controllers = new Routes.Controllers(new UserController(users), new AuditController(audit),
                    new DocumentController(documents), validationController);
            Javalin web = WebServer.create(config.server(), Routes.declare(controllers), new Auth(users), audit, health);
            return new App(config, db, web);
        } catch (RuntimeException e) {
            db.close();
            throw e;
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
        log.info("vanthu listens on http://{}:{}", config.server().host(), web.port());
        return this;
    }

    public int port() {
        return web.port();
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        web.stop();
        db.close();
        log.info("vanthu stopped");
    }
}
