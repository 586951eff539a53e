package vn.vanthu.pages;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances on one PostgreSQL database: wrong passwords tried against either count toward one lockout, the
 * sign-in form of one is taken by the other, and a session begun on one instance is known to the other (and ended
 * on both by signing out on one).
 */
class SignInAcrossInstancesTest {
    @Test
    void wrong_passwords_on_two_instances_lock_one_account_and_a_session_works_on_both() throws Exception {
        try (TestServer a = TestServer.start(Databases.Kind.POSTGRES);
             TestServer b = TestServer.start(a.dataDir(), a.database(), Map.of())) {
            String password = PageClient.demoPasswords(a).get("auditor");
            assertEquals(password, PageClient.demoPasswords(b).get("auditor"), "the second start keeps the demo password");
            PageClient onA = new PageClient(a);
            PageClient onB = new PageClient(b);
            for (int i = 0; i < 5; i++) {
                PageClient guesser = i % 2 == 0 ? onA : onB;
                assertEquals(401, guesser.postSignIn("auditor", "đoán sai " + i).status());
            }
            assertEquals(429, onA.postSignIn("auditor", password).status());
            assertEquals(429, onB.postSignIn("auditor", password).status());

            PageClient formOnA = new PageClient(a);
            formOnA.get("/signin");
            PageClient postOnB = PageClient.withCookie(b, "vanthu_signin", formOnA.cookie("vanthu_signin"));
            assertEquals(303, postOnB.post("/signin", Map.of("username", "official", "password",
                    PageClient.demoPasswords(a).get("official"), "_csrf", formOnA.csrf()), false).status(),
                    "the sign-in form served by one instance is taken by the other");

            PageClient clerk = new PageClient(a);
            clerk.signIn("clerk", PageClient.demoPasswords(a).get("clerk"));
            String cookie = clerk.cookie();
            assertEquals(200, PageClient.withCookie(b, cookie).get("/registers/outgoing").status());
            clerk.get("/validate");
            assertEquals(303, clerk.post("/signout", Map.of(), true).status());
            assertEquals(303, PageClient.withCookie(b, cookie).get("/registers/outgoing").status());
        }
    }
}
