package vn.vanthu.keys;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.keys.KeysApiTest.find;
import static vn.vanthu.keys.KeysApiTest.verify;

/** Wrong PINs: 403 and counted in the database; five in a row lock the key (429) on every instance. PINs never leak. */
class KeyLockoutTest {

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_wrong_pin_gives_403_and_a_right_pin_resets_the_count(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 4; i++) {
                    TestServer.Response wrong = verify(s, "official", "official1", "999999");
                    assertEquals(403, wrong.status());
                    assertEquals("WRONG_PIN", wrong.errorCode());
                    assertEquals("pin", wrong.json().path("errors").path(0).path("field").asText());
                }
                assertEquals(200, verify(s, "official", "official1", "123456").status(), "four wrong then right: not locked");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void five_wrong_pins_lock_the_key_even_for_the_right_pin_and_on_another_instance(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            for (int i = 0; i < 5; i++) {
                assertEquals("KEY_NOT_ALLOWED", verify(s, "clerk", "official1", "999999").errorCode(), "not counted");
            }
            for (int i = 0; i < 5; i++) {
                assertEquals("WRONG_PIN", verify(s, "official", "official1", "99999" + i).errorCode());
            }
            TestServer.Response locked = verify(s, "official", "official1", "123456");
            assertEquals(429, locked.status());
            assertEquals("KEY_LOCKED", locked.errorCode());
            assertEquals("KEY_LOCKED", verify(s, "official", "official1", "999999").errorCode());
            assertEquals("LOCKED", find(s.get("/api/v1/keys", "official").json(), "official1").path("status").asText());
            assertEquals(200, verify(s, "official", "revoked", "123456").status(), "other keys stay usable");

            try (TestServer other = TestServer.start(s.dataDir(), s.database(), Map.of())) {
                TestServer.Response elsewhere = verify(other, "official", "official1", "123456");
                assertEquals(429, elsewhere.status());
                assertEquals("KEY_LOCKED", elsewhere.errorCode());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Databases.Kind.class, names = "H2")
    void the_pin_never_appears_in_any_response_or_log_line(Databases.Kind kind) throws Exception {
        String rightPin = "Zq7-right-4411";
        String wrongPin = "Wr0ng-pin-5522";
        ListAppender<ILoggingEvent> logs = captureLogs();
        List<TestServer.Response> responses = new ArrayList<>();
        try (TestServer s = TestServer.start(kind)) {
            String officialId = s.get("/api/v1/users/me", "official").json().path("id").asText();
            byte[] p12 = withPassword("official1", rightPin);
            responses.add(s.postMultipart("/api/v1/keys", "admin", new Multipart()
                    .file("file", "k.p12", "application/x-pkcs12", p12).field("owner", officialId)
                    .field("id", "secret-key").field("pin", wrongPin)));
            responses.add(s.postMultipart("/api/v1/keys", "admin", new Multipart()
                    .file("file", "k.p12", "application/x-pkcs12", p12).field("owner", officialId)
                    .field("id", "secret-key").field("pin", rightPin)));
            assertEquals(201, responses.get(1).status(), responses.get(1).text());
            responses.add(verify(s, "official", "secret-key", rightPin));
            assertEquals(200, responses.get(2).status());
            responses.add(verify(s, "clerk", "secret-key", rightPin));
            for (int i = 0; i < 6; i++) {
                responses.add(verify(s, "official", "secret-key", wrongPin));
            }
            responses.add(verify(s, "official", "secret-key", rightPin));
            assertEquals("KEY_LOCKED", responses.get(responses.size() - 1).errorCode());
            responses.add(s.get("/api/v1/keys", "admin"));
            responses.add(s.get("/health", null));
            responses.add(s.get("/api/v1/audit?limit=500", "auditor"));
            assertTrue(responses.get(responses.size() - 1).text().contains("KEY_VERIFY_PIN"), "the audit trail has the attempts");
        } finally {
            release(logs);
        }
        for (TestServer.Response r : responses) {
            assertFalse(r.text().contains(rightPin) || r.text().contains(wrongPin), "a response shows a PIN: " + r.text());
        }
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("Wrong PIN for key secret-key")));
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + throwableText(e.getThrowableProxy());
            assertFalse(line.contains(rightPin) || line.contains(wrongPin), "a log line shows a PIN: " + line);
        }
    }

    /** A copy of a development keystore under another password, so that the right PIN is unique text. */
    private static byte[] withPassword(String name, String password) throws Exception {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(Path.of("keystore-samples", name + ".p12").toFile())) {
            source.load(in, "123456".toCharArray());
        }
        KeyStore copy = KeyStore.getInstance("PKCS12");
        copy.load(null, null);
        copy.setEntry(name, source.getEntry(name, new KeyStore.PasswordProtection("123456".toCharArray())),
                new KeyStore.PasswordProtection(password.toCharArray()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy.store(out, password.toCharArray());
        return out.toByteArray();
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger("vn.vanthu").setLevel(Level.DEBUG);
        context.getLogger("eu.europa.esig.dss").setLevel(Level.DEBUG);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        context.getLogger("vn.vanthu").setLevel(null);
        context.getLogger("eu.europa.esig.dss").setLevel(Level.ERROR);
    }

    private static String throwableText(IThrowableProxy t) {
        StringBuilder sb = new StringBuilder();
        for (IThrowableProxy p = t; p != null; p = p.getCause()) {
            sb.append('\n').append(p.getClassName()).append(": ").append(p.getMessage());
            for (StackTraceElementProxy el : p.getStackTraceElementProxyArray()) {
                sb.append('\n').append(el.getSTEAsString());
            }
        }
        return sb.toString();
    }
}
