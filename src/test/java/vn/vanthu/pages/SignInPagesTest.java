package vn.vanthu.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Accounts;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** People sign in with a password: the form, the cookie, CSRF, lockout, expiry, first passwords, sign-out. */
class SignInPagesTest {
    private static final TestClock CLOCK = TestClock.at("2026-12-07T09:00:00");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2, Map.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signed_out_the_start_page_is_the_sign_in_form_with_its_security_headers() {
        TestServer.Response r = server.get("/", null);
        assertEquals(200, r.status());
        assertTrue(r.text().contains("name=\"username\"") && r.text().contains("name=\"password\""), r.text());
        assertTrue(r.text().contains("Đăng nhập"), "Vietnamese first");
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("no-referrer", r.header("Referrer-Policy"));
        assertTrue(server.get("/signin?lang=en", null).text().contains("Sign in"));
    }

    @Test
    void the_demo_passwords_file_is_private_and_its_passwords_sign_in_without_a_forced_change() throws Exception {
        var file = server.dataDir().resolve("demo-passwords.json");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        Map<String, String> passwords = PageClient.demoPasswords(server);
        assertEquals(Set.of("official", "clerk", "auditor", "admin", "handler"), passwords.keySet());
        PageClient auditor = new PageClient(server);
        TestServer.Response r = auditor.postSignIn("auditor", passwords.get("auditor"));
        assertEquals(303, r.status());
        assertEquals("/validate", r.header("Location"));
        String cookie = r.header("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"), cookie);
        assertEquals(200, auditor.get("/validate").status());
        assertEquals(200, auditor.get("/audit?verify=true").status());
        assertTrue(auditor.get("/audit?verify=true").text().contains("data-intact=\"true\""));
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
        PageClient admin = new PageClient(server);
        admin.signIn("admin", PageClient.demoPasswords(server).get("admin"));
        TestServer.Response forged = admin.post("/admin/users", Map.of("name", "forged", "displayName", "Giả mạo",
                "roles", "CLERK"), false);
        assertEquals(403, forged.status());
        assertTrue(forged.text().contains("CSRF_TOKEN_INVALID"), forged.text());
        assertFalse(admin.get("/admin/users").text().contains("forged"));
        assertEquals(403, admin.post("/signout", Map.of(), false).status(), "signing out without the token is refused too");
        assertEquals(200, admin.get("/admin/users").status(), "the session is still there");
    }

    @Test
    void a_sign_in_form_without_its_token_is_refused_before_the_password_is_read_and_counts_nothing() {
        String id = userWithToken("forged.to", "AUDITOR");
        assertEquals(204, server.postJson("/api/v1/users/" + id + "/password", "admin",
                Map.of("password", "Không ai đăng nhập hộ tôi")).status());
        PageClient forger = new PageClient(server);
        for (int i = 0; i < 6; i++) {
            TestServer.Response r = forger.post("/signin", Map.of("username", "forged.to", "password", "sai " + i), false);
            assertEquals(403, r.status());
            assertTrue(r.text().contains("Mật khẩu chưa được kiểm tra"), r.text());
            assertTrue(r.text().contains("name=\"username\""), "the form is shown again");
        }
        TestServer.Response right = forger.post("/signin", Map.of("username", "forged.to", "password", "Không ai đăng nhập hộ tôi"), false);
        assertEquals(403, right.status(), "even the right password is not taken without the token");
        PageClient other = new PageClient(server);
        other.get("/signin");
        TestServer.Response elsewhere = forger.post("/signin", Map.of("username", "forged.to",
                "password", "Không ai đăng nhập hộ tôi", "_csrf", other.csrf()), false);
        assertEquals(403, elsewhere.status(), "a token of another browser's form does not match this browser's cookie");
        assertEquals("/signin", forger.get("/validate").header("Location"), "no session was started");

        PageClient owner = new PageClient(server);
        for (int i = 0; i < 4; i++) {
            assertEquals(401, owner.postSignIn("forged.to", "vẫn sai " + i).status(), "nothing was counted before");
        }
        TestServer.Response in = owner.postSignIn("forged.to", "Không ai đăng nhập hộ tôi");
        assertEquals(303, in.status(), in.text());
        assertEquals("/password", in.header("Location"), "signed in, to choose a new password first");
        assertEquals(200, owner.get("/password").status());
    }

    @Test
    void a_first_password_set_by_the_administrator_must_be_changed_before_anything_else() {
        String id = userWithToken("hoa.vt", "CLERK");
        PageClient admin = new PageClient(server);
        admin.signIn("admin", PageClient.demoPasswords(server).get("admin"));
        TestServer.Response weak = admin.post("/admin/users/" + id + "/password", Map.of("password", "short"), true);
        assertEquals(400, weak.status());
        assertEquals(200, admin.post("/admin/users/" + id + "/password", Map.of("password", "Mật khẩu đầu tiên 2026"), true).status());

        PageClient hoa = new PageClient(server);
        TestServer.Response in = hoa.postSignIn("hoa.vt", "Mật khẩu đầu tiên 2026");
        assertEquals("/password", in.header("Location"));
        hoa.get("/password");
        TestServer.Response elsewhere = hoa.get("/dispatches?status=SIGNED");
        assertEquals(303, elsewhere.status());
        assertEquals("/password", elsewhere.header("Location"));
        TestServer.Response changed = hoa.post("/password", Map.of("current", "Mật khẩu đầu tiên 2026",
                "password", "Hoa chọn mật khẩu mới", "confirm", "Hoa chọn mật khẩu mới"), true);
        assertEquals(303, changed.status(), changed.text());
        assertEquals(200, hoa.get("/validate").status());
        PageClient again = new PageClient(server);
        assertEquals("/dispatches?status=SIGNED", again.postSignIn("hoa.vt", "Hoa chọn mật khẩu mới").header("Location"));
    }

    @Test
    void five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one() {
        String id = userWithToken("lock.me", "AUDITOR");
        PageClient admin = new PageClient(server);
        admin.signIn("admin", PageClient.demoPasswords(server).get("admin"));
        admin.post("/admin/users/" + id + "/password", Map.of("password", "Khóa sau năm lần sai"), true);
        PageClient guesser = new PageClient(server);
        for (int i = 0; i < 5; i++) {
            TestServer.Response r = guesser.postSignIn("lock.me", "sai " + i);
            assertEquals(401, r.status());
            assertTrue(r.text().contains("không đúng"), r.text());
        }
        TestServer.Response locked = guesser.postSignIn("lock.me", "Khóa sau năm lần sai");
        assertEquals(429, locked.status());
        CLOCK.advance(Duration.ofMinutes(16));
        assertEquals(303, guesser.postSignIn("lock.me", "Khóa sau năm lần sai").status());
    }

    @Test
    void a_session_ends_when_signed_out_or_idle_for_thirty_minutes_and_never_opens_the_api() {
        PageClient clerk = new PageClient(server);
        String password = PageClient.demoPasswords(server).get("clerk");
        clerk.signIn("clerk", password);
        assertEquals(401, clerk.get("/api/v1/users/me").status(), "the API takes bearer tokens only");
        assertEquals(200, server.get("/api/v1/users/me", "clerk").status(), "bearer tokens keep working");
        CLOCK.advance(Duration.ofMinutes(31));
        TestServer.Response idle = clerk.get("/validate");
        assertEquals(303, idle.status());
        assertEquals("/signin", idle.header("Location"));

        clerk.signIn("clerk", password);
        clerk.get("/validate");
        assertEquals(303, clerk.post("/signout", Map.of(), true).status());
        assertEquals("/signin", clerk.get("/validate").header("Location"));
        var trail = server.get("/api/v1/audit?action=SIGN_OUT", "auditor").json().path("items");
        assertEquals(1, trail.size(), "one event per sign-out: " + trail);
        for (var e : server.get("/api/v1/audit?action=POST%20%2Fsignout", "auditor").json().path("items")) {
            assertEquals("DENIED", e.path("outcome").asText(), "a sign-out is not written twice: " + e);
        }
    }

    @Test
    void an_administrator_with_only_a_token_sets_a_first_password_through_the_api() {
        String id = userWithToken("moi.nv", "HANDLER");
        TestServer.Response weak = server.postJson("/api/v1/users/" + id + "/password", "admin", Map.of("password", "moi.nv-2026-x"));
        assertEquals(400, weak.status());
        assertEquals("WEAK_PASSWORD", weak.errorCode());
        assertEquals(403, server.postJson("/api/v1/users/" + id + "/password", "clerk", Map.of("password", "Đủ dài và khác")).status());
        assertEquals(204, server.postJson("/api/v1/users/" + id + "/password", "admin", Map.of("password", "Đủ dài và khác")).status());
        PageClient moi = new PageClient(server);
        assertEquals("/password", moi.postSignIn("moi.nv", "Đủ dài và khác")
                .header("Location"));
    }

    @Test
    void a_session_in_use_all_day_still_ends_twelve_hours_after_sign_in() {
        PageClient auditor = new PageClient(server);
        auditor.signIn("auditor", PageClient.demoPasswords(server).get("auditor"));
        for (int i = 0; i < 28; i++) {   // 28 × 25 minutes = 11 h 40 min, never idle for 30 minutes
            CLOCK.advance(Duration.ofMinutes(25));
            assertEquals(200, auditor.get("/validate").status(), "after " + (i + 1) * 25 + " minutes");
        }
        CLOCK.advance(Duration.ofMinutes(25));
        assertEquals("/signin", auditor.get("/validate").header("Location"));
    }

    private static String userWithToken(String login, String role) {
        Accounts.create(server, login, role);
        return Accounts.id(server, login);
    }
}
