package vn.vanthu.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the (unstarted) Javalin app from the declared routes: request ids, access control, the error
 * mapper, metrics and the audit trail of every state-changing request and of the reads a handler marks
 * ({@link AuditTags#read}).
 *
 * <pre>{@code Javalin app = WebServer.create(config.server(), routes, auth, audit, health); app.start(8080);}</pre>
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    static final String ROUTE = "vanthu.route";
    private static final String STARTED = "vanthu.started";
    private static final String ARRIVED = "vanthu.arrived";
    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private WebServer() {}

    /**
     * @param registered receives "METHOD path" of every handler Javalin actually registers (for the test that
     *                   holds /openapi.json to the real routes)
     */
    public static Javalin create(AppConfig.Server server, List<ApiRoute> declared, Auth auth, RequestAudit audit,
                                 Health health, java.util.function.Consumer<String> registered,
                                 java.util.function.Supplier<String> moreMetrics, java.time.Clock clock) {
        Metrics metrics = new Metrics();
        List<ApiRoute> routes = new java.util.ArrayList<>(declared);
        routes.add(new ApiRoute(HandlerType.GET, "/health", ApiRoute.PUBLIC, "service", "Health of the service",
                ApiRoute.Body.NONE, ctx -> {
                    Map<String, Object> report = health.report();
                    ctx.status("DOWN".equals(report.get("status")) ? 503 : 200).json(report);
                }));
        routes.add(new ApiRoute(HandlerType.GET, "/metrics", ApiRoute.PUBLIC, "service", "Prometheus metrics",
                ApiRoute.Body.NONE, ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.render() + moreMetrics.get())));
        routes.add(new ApiRoute(HandlerType.GET, "/docs", ApiRoute.PUBLIC, "service", "API documentation (Swagger UI)",
                ApiRoute.Body.NONE, ctx -> ctx.html(SwaggerPage.HTML)));
        routes.add(new ApiRoute(HandlerType.GET, "/webjars/swagger-ui/{version}/{file}", ApiRoute.PUBLIC, "service",
                "A file of Swagger UI (for /docs)", ApiRoute.Body.NONE, SwaggerPage::asset));
        ApiRoute openapi = new ApiRoute(HandlerType.GET, "/openapi.json", ApiRoute.PUBLIC, "service",
                "This OpenAPI description", ApiRoute.Body.NONE, null);
        routes.add(openapi);
        Map<String, Object> description = OpenApi.describe(routes, version(), server.maxUploadBytes());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = server.maxUploadBytes();
            config.jetty.multipartConfig.maxFileSize(server.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(server.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.jetty.modifyServer(s -> {
                s.setStopTimeout(server.shutdownGrace().toMillis());
                s.insertHandler(new GracefulHandler());
                s.setErrorHandler(new JsonErrorHandler());
            });
            config.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    registered.accept(h.getHttpMethod().name() + " " + h.getPath());
                }
            });

            config.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                ctx.attribute(ARRIVED, clock.instant());
                RequestIds.assign(ctx);
                ctx.header("X-Content-Type-Options", "nosniff");
                UnreadBody.refuseIfOversized(ctx, server.maxUploadBytes());
            });
            for (ApiRoute r : routes) {
                var handler = r == openapi ? (io.javalin.http.Handler) ctx -> ctx.json(description) : r.handler();
                config.routes.addHttpHandler(r.method(), r.path(), ctx -> {
                    ctx.attribute(ROUTE, r);
                    if (r.isPage()) {
                        Views.secure(ctx);
                        if (r.isPublic()) {
                            auth.session(ctx).ifPresent(s -> ctx.attribute(Auth.USER, s.user()));
                        }
                    }
                    if (!r.isPublic()) {
                        auth.check(ctx, r);
                    }
                    if (r.fields() != null) {
                        DeclaredBody.check(ctx, r.fields(), server.maxUploadBytes(), r.isPage());
                    }
                    try (ClientProbe probe = new ClientProbe(ctx); ClientWatch watch = ClientWatch.watching(probe::gone)) {
                        handler.handle(ctx);
                    } catch (StackOverflowError | OutOfMemoryError e) {
                        // Answered as any unexpected failure (500, the JSON shape, the request id); the work's
                        // finally blocks have run on the way here and released what it held.
                        throw new RequestFailure(e);
                    }
                });
            }
            config.routes.exception(Exception.class, (e, ctx) -> {
                ErrorMapper.handle(e, ctx);
                UnreadBody.discard(ctx, server.maxUploadBytes());
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(ROUTE) == null) {
                    ErrorMapper.write(ctx, 404, "NOT_FOUND", "No such endpoint: " + ctx.method() + " " + ctx.path(), null);
                }
            });
            config.routes.error(405, ctx -> ErrorMapper.write(ctx, 405, "METHOD_NOT_ALLOWED", "This method is not allowed here", null));
            config.routes.after(ctx -> afterRequest(ctx, metrics, audit));
        });
    }

    private static void afterRequest(Context ctx, Metrics metrics, RequestAudit audit) {
        ApiRoute route = ctx.attribute(ROUTE);
        Long started = ctx.attribute(STARTED);
        String routePath = route == null ? "unmatched" : route.path();
        metrics.record(ctx.method().name(), routePath, ctx.statusCode(), started == null ? 0 : System.nanoTime() - started);
        if (route == null || !(route.path().startsWith("/api/") || route.isPage() && !route.isPublic())
                || !(STATE_CHANGING.contains(ctx.method()) || AuditTags.auditedRead(ctx))) {
            return;
        }
        int status = ctx.statusCode();
        if (AuditTags.recordedWithChange(ctx, status)) {
            return;
        }
        User user = Auth.user(ctx);
        String outcome = status < 400 ? "SUCCESS" : status == 401 || status == 403 ? "DENIED" : "FAILED";
        String action = AuditTags.action(ctx, route.method().name() + " " + route.path());
        try {
            audit.record(user == null ? null : user.id(), action, AuditTags.object(ctx),
                    outcome, RequestIds.get(ctx), AuditTags.details(ctx, status));
        } catch (RuntimeException e) {
            log.error("Could not write the audit event for request {}", RequestIds.get(ctx), e);
        }
    }

    /** When the request arrived, by the service's clock. */
    static java.time.Instant arrived(Context ctx) {
        return ctx.attribute(ARRIVED);
    }

    private static String version() {
        String v = WebServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
