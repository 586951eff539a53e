package vn.vanthu.web;

import io.javalin.http.Context;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the pages: Thymeleaf templates from {@code pages/*.html} on the class path, texts in Vietnamese
 * ({@code ?lang=en} switches to English and is remembered in a cookie), and the security headers every page
 * carries. Every page gets {@code user}, {@code csrf} (the token its forms send back as {@code _csrf}) and
 * {@code lang} in its model; text is escaped by {@code th:text}, never inserted as HTML.
 *
 * <pre>{@code Views.render(ctx, "validate", Map.of("report", report));}</pre>
 */
public final class Views {
    public static final String SIGN_IN = "/signin";
    public static final String SIGN_OUT = "/signout";
    public static final String PASSWORD = "/password";
    private static final String LANG_COOKIE = "vanthu_lang";
    /** No script at all, styles only from the service, no framing, forms only to the service. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final TemplateEngine ENGINE = engine();

    private Views() {}

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Views.class.getClassLoader());
        resolver.setPrefix("pages/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(resolver);
        e.setMessageResolver(new Texts());
        e.setLinkBuilder(new org.thymeleaf.linkbuilder.StandardLinkBuilder() {
            @Override
            protected String computeContextPath(org.thymeleaf.context.IExpressionContext context, String base,
                                                Map<String, Object> parameters) {
                return "";   // the service is served from the root
            }
        });
        return e;
    }

    /** Renders {@code template} with {@code model} and the page's common values, with the page headers. */
    public static void render(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> vars = new HashMap<>(model);
        PageSession s = Auth.pageSession(ctx);
        User u = Auth.user(ctx);
        vars.put("user", u);
        vars.put("roles", u == null ? java.util.Set.of() : u.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
        vars.put("csrf", s == null ? "" : s.csrfToken());
        vars.put("lang", lang(ctx));
        vars.put("path", ctx.path());
        secure(ctx);
        Locale locale = Locale.forLanguageTag(lang(ctx));
        ctx.contentType("text/html; charset=utf-8")
                .result(ENGINE.process(template, new org.thymeleaf.context.Context(locale, vars)));
    }

    /** The headers of every page: CSP without scripts, no sniffing, no referrer, no framing, no caching. */
    static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    /** "vi" (the default) or "en": from {@code ?lang=}, remembered in a cookie, else the cookie. */
    public static String lang(Context ctx) {
        String known = ctx.attribute(LANG_COOKIE);
        if (known != null) {
            return known;
        }
        String asked = ctx.queryParam("lang");
        String lang;
        if ("en".equals(asked) || "vi".equals(asked)) {
            lang = asked;
            ctx.res().addHeader("Set-Cookie", LANG_COOKIE + "=" + lang + "; Path=/; SameSite=Strict" + secureFlag(ctx));
        } else {
            lang = "en".equals(ctx.cookie(LANG_COOKIE)) ? "en" : "vi";
        }
        ctx.attribute(LANG_COOKIE, lang);
        return lang;
    }

    /**
     * A failure on a page, for a browser: without a session it goes to the sign-in page; a password to change
     * goes to that form; anything else is a page with the status and the reason in plain words.
     */
    static boolean failurePage(Context ctx, int status, String code, String message) {
        ApiRoute route = ctx.attribute(WebServer.ROUTE);
        String accept = ctx.header("Accept");
        boolean page = route == null ? !ctx.path().startsWith("/api/") : route.isPage();   // no route: refused before routing
        if (!page || accept == null || !accept.contains("text/html")) {
            return false;
        }
        if (status == 401 && !"SIGN_IN_FAILED".equals(code)) {
            secure(ctx);
            ctx.status(303).header("Location", SIGN_IN);
            return true;
        }
        if ("PASSWORD_MUST_CHANGE".equals(code)) {
            secure(ctx);
            ctx.status(303).header("Location", PASSWORD);
            return true;
        }
        String known = Texts.text(lang(ctx), "error." + code);
        render(ctx, "error", Map.of("status", status, "code", code,
                "message", known.equals("error." + code) ? message : known));
        ctx.status(status);
        return true;
    }

    /**
     * A refusal shown on the page whose form was sent (what was typed kept by the caller): the answer gets the
     * refusal's status, the model its reason in the page's language ({@code error}), its code ({@code errorCode})
     * and the service's own words naming what was wrong ({@code errorDetail}).
     */
    public static Map<String, Object> refusal(Context ctx, vn.vanthu.error.ApiException e) {
        ctx.status(e.status());
        String known = Texts.text(lang(ctx), "error." + e.code());
        Map<String, Object> m = new HashMap<>();
        m.put("error", known.equals("error." + e.code()) ? e.getMessage() : known);
        m.put("errorCode", e.code());
        if (!known.equals("error." + e.code())) {
            m.put("errorDetail", e.getMessage());
        }
        return m;
    }

    /** The text of {@code key} in the request's language. */
    public static String text(Context ctx, String key) {
        return Texts.text(lang(ctx), key);
    }

    /** Gives the browser its session cookie: HttpOnly, SameSite=Strict, Secure when served over HTTPS. */
    public static void startSession(Context ctx, String secret) {
        ctx.res().addHeader("Set-Cookie", Auth.COOKIE + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict" + secureFlag(ctx));
    }

    public static void endSession(Context ctx) {
        ctx.res().addHeader("Set-Cookie", Auth.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secureFlag(ctx));
    }

    static String secureFlag(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
    }
}
