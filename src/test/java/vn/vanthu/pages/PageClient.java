package vn.vanthu.pages;

import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: keeps cookies, does not follow redirects, reads the CSRF token of the last page. */
final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final TestServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private String csrf;

    PageClient(TestServer server) {
        this.server = server;
    }

    TestServer.Response get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Accept", "text/html").GET()));
    }

    /** Posts the form with the CSRF token of the last page read (when {@code withCsrf}). */
    TestServer.Response post(String path, Map<String, String> fields, boolean withCsrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (withCsrf && csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Posts a multipart form (the caller adds {@code _csrf} when it should be there). */
    TestServer.Response postMultipart(String path, vn.vanthu.support.Multipart form) {
        return remember(send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Accept", "text/html")
                .header("Content-Type", form.contentType()).POST(form.publisher())));
    }

    /** Signs in and reads the page it lands on (so that the next form has its token). */
    TestServer.Response signIn(String user, String password) {
        TestServer.Response r = postSignIn(user, password);
        if (r.status() == 303) {
            get(r.header("Location"));
        }
        return r;
    }

    /** Reads the sign-in form (its cookie and token), then posts it as a browser does: the answer to the post. */
    TestServer.Response postSignIn(String user, String password) {
        get(vn.vanthu.web.Views.SIGN_IN);
        return post(vn.vanthu.web.Views.SIGN_IN, Map.of("username", user, "password", password), true);
    }

    /** The session cookie's value. */
    String cookie() {
        return cookie("vanthu_session");
    }

    /** The value of the cookie {@code name}. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow().getValue();
    }

    /** A client of {@code server} holding this session cookie (another instance, say). */
    static PageClient withCookie(TestServer server, String value) {
        return withCookie(server, "vanthu_session", value);
    }

    /** A client of {@code server} holding the cookie {@code name}. */
    static PageClient withCookie(TestServer server, String name, String value) {
        PageClient c = new PageClient(server);
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        c.cookies.getCookieStore().add(URI.create(server.base()), cookie);
        return c;
    }

    String csrf() {
        return csrf;
    }

    private TestServer.Response remember(TestServer.Response r) {
        Matcher m = CSRF.matcher(r.text());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    private TestServer.Response send(HttpRequest.Builder b) {
        HttpRequest request = b.timeout(Duration.ofSeconds(120)).build();
        try {
            HttpResponse<byte[]> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                // A kept-alive connection the server had closed meanwhile: nothing was read from it, so sent again.
                r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            return new TestServer.Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The demo passwords of a development server. */
    @SuppressWarnings("unchecked")
    static Map<String, String> demoPasswords(TestServer s) {
        try {
            return TestServer.JSON.readValue(s.dataDir().resolve("demo-passwords.json").toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
