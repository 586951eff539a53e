package vn.vanthu.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.vanthu.App;
import vn.vanthu.config.ConfigLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real vanthu on a free port, with its own data folder and database (H2 or the test PostgreSQL), in the dev
 * profile: the development PKI and the demo users; plus a small HTTP client that speaks to it as a user would.
 *
 * <pre>{@code try (TestServer s = TestServer.start(Databases.Kind.H2)) { s.get("/health", null); }}</pre>
 */
public final class TestServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final App app;
    private final Path dataDir;
    private final Databases.Target db;
    private final Map<String, String> tokens;

    private TestServer(App app, Path dataDir, Databases.Target db, Map<String, String> tokens) {
        this.app = app;
        this.dataDir = dataDir;
        this.db = db;
        this.tokens = tokens;
    }

    public static TestServer start(Databases.Kind kind) {
        return start(kind, Map.of());
    }

    /** Starts with extra settings, given as environment variables ({@code VANTHU_…}). */
    public static TestServer start(Databases.Kind kind, Map<String, String> extraEnv) {
        try {
            Path dataDir = Files.createTempDirectory("vanthu-test");
            Databases.Target db = Databases.fresh(kind, dataDir);
            return start(dataDir, db, extraEnv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts on an existing data folder and database (a second start, or a second instance). */
    public static TestServer start(Path dataDir, Databases.Target db, Map<String, String> extraEnv) {
        return start(dataDir, db, extraEnv, java.time.Clock.systemUTC());
    }

    /** Starts with the clock every feature reads the time from (a test moves it to a day it needs). */
    public static TestServer start(Databases.Kind kind, Map<String, String> extraEnv, java.time.Clock clock) {
        try {
            Path dataDir = Files.createTempDirectory("vanthu-test");
            return start(dataDir, Databases.fresh(kind, dataDir), extraEnv, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestServer start(Path dataDir, Databases.Target db, Map<String, String> extraEnv, java.time.Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("VANTHU_PROFILE", "dev");
        env.put("VANTHU_PORT", "0");
        env.put("VANTHU_HOST", "127.0.0.1");
        env.put("VANTHU_DATA_DIR", dataDir.toString());
        env.put("VANTHU_DB_URL", db.url());
        env.put("VANTHU_DB_USER", db.user());
        env.put("VANTHU_DB_PASSWORD", db.password());
        env.put("VANTHU_DEV_PKI_DIR", Path.of("keystore-samples").toAbsolutePath().toString());
        env.put("VANTHU_SHUTDOWN_GRACE_SECONDS", "5");
        env.putAll(extraEnv);
        App app = App.create(ConfigLoader.load(env), clock).start();
        return new TestServer(app, dataDir, db, readTokens(dataDir));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readTokens(Path dataDir) {
        try {
            return JSON.readValue(dataDir.resolve("demo-tokens.json").toFile(), Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    public App app() { return app; }
    public Path dataDir() { return dataDir; }
    public Databases.Target database() { return db; }
    public String base() { return "http://127.0.0.1:" + app.port(); }

    /** The demo token of official, clerk, auditor or admin. */
    public String token(String user) {
        String t = tokens.get(user);
        if (t == null) {
            throw new IllegalArgumentException("No demo token for " + user);
        }
        return t;
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120));
        if (user != null) {
            b.header("Authorization", "Bearer " + (user.startsWith("vt_") ? user : token(user)));
        }
        return b;
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public Response postJson(String path, String user, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(path, user).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response postMultipart(String path, String user, Multipart form) {
        return send(request(path, user).header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
    }

    public Response delete(String path, String user) {
        return send(request(path, user).DELETE().build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }

    /** What came back: status, headers, body. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + text());
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The first error code of a JSON error body. */
        public String errorCode() {
            return json().path("errors").path(0).path("code").asText();
        }
    }
}
