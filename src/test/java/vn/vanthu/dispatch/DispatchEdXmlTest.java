package vn.vanthu.dispatch;

import org.junit.jupiter.api.Test;
import vn.vanthu.config.AppConfig;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.keys.KeyService;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.signing.SigningService;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;
import vn.vanthu.trust.TrustServices;
import vn.vanthu.web.User;
import vn.vanthu.users.UserService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edXML envelope of an issued dispatch: sealed and stored at issue (by the service's agency seal, or without
 * one with the clerk's key), and the same stored bytes for every request, on one instance or two; reading it
 * writes nothing.
 */
class DispatchEdXmlTest {

    @Test
    void the_envelope_is_sealed_at_issue_by_the_service_seal_and_reading_it_writes_nothing() throws Exception {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String id = issued(s);
            List<String> history = actions(s, id);
            List<byte[]> answers = concurrently(8, i -> s.get("/api/v1/dispatches/" + id + "/edxml", i % 2 == 0 ? "auditor" : "clerk"));
            for (byte[] a : answers) {
                assertArrayEquals(answers.get(0), a, "every request answers the stored message");
            }
            assertArrayEquals(answers.get(0), s.get("/api/v1/dispatches/" + id + "/edxml", "official").body());
            assertEquals(history, actions(s, id), "reading the envelope leaves the history as it was");
            assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(answers.get(0)));
            assertTrue(signerSubject(answers.get(0)).contains("Sở Khoa học và Công nghệ"), "sealed by the agency seal");
        }
    }

    @Test
    void two_instances_answer_the_one_message_stored_at_issue() throws Exception {
        try (TestServer a = TestServer.start(Databases.Kind.POSTGRES);
             TestServer b = TestServer.start(Files.createTempDirectory("vanthu-b"), a.database(),
                     Map.of("VANTHU_DEMO_USERS", "false"))) {
            String id = issued(a);
            String auditor = a.token("auditor");
            List<byte[]> answers = concurrently(8, i -> (i % 2 == 0 ? a : b).get("/api/v1/dispatches/" + id + "/edxml", auditor));
            for (byte[] x : answers) {
                assertArrayEquals(answers.get(0), x, "both instances answer the message stored at issue");
            }
            assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(answers.get(0)));
        }
    }

    @Test
    void without_a_service_seal_the_envelope_is_sealed_at_issue_with_the_clerks_key() throws Exception {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String id = DispatchFixtures.signedDraft(s, "KH");
            AppConfig config = ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev",
                    "VANTHU_DEV_PKI_DIR", Path.of("keystore-samples").toAbsolutePath().toString()));
            Database db = s.app().database();
            UserService users = new UserService(db, java.time.Clock.systemUTC());
            KeyService keys = new KeyService(db, users, config.keys(), java.time.Clock.systemUTC());
            TrustServices trust = TrustServices.create(config);
            SigningService signing = SigningService.over(trust);
            DocumentStore store = new DocumentStore(db, java.time.Clock.systemUTC());
            DispatchDao dao = new DispatchDao(db, Clock.systemUTC());
            DispatchService dispatches = new DispatchService(dao, store, keys, signing, users, config.agency(), Clock.systemUTC());
            EdXmlMessages messages = new EdXmlMessages(dispatches, dao, signing, new ServiceSeal(null, null),
                    new EdXmlSender(config.agency(), config.exchange(), OrganDirectory.NONE, EdXmlSender.ResponseLookup.NONE));
            Issuing issuing = new Issuing(new Sealing(dispatches, new NumberSeries(db, Clock.systemUTC(),
                    Duration.ofMinutes(10)), store, keys, signing, Clock.systemUTC()), dao, messages);
            String clerkId = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
            User clerk = users.find(clerkId).orElseThrow();

            issuing.issue(clerk, null, id, "seal", DispatchFixtures.PIN);
            assertTrue(dao.edxml(id).isPresent(), "stored at issue");
            Path xml = messages.message(clerk, id);
            try {
                assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(Files.readAllBytes(xml)));
            } finally {
                TempFiles.delete(xml);
            }
            assertFalse(actions(s, id).contains("EDXML_SEALED"));
        }
    }

    private static String issued(TestServer s) {
        String id = DispatchFixtures.signedDraft(s, "KH");
        TestServer.Response r = DispatchFixtures.issue(s, id);
        assertEquals(200, r.status(), r.text());
        return id;
    }

    private static List<String> actions(TestServer s, String id) {
        return s.get("/api/v1/dispatches/" + id, "auditor").json().path("history").findValuesAsText("action");
    }

    private interface Call {
        TestServer.Response call(int i);
    }

    private static List<byte[]> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<TestServer.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> call.call(k)));
            }
            List<byte[]> out = new ArrayList<>();
            for (Future<TestServer.Response> f : futures) {
                TestServer.Response r = f.get();
                assertEquals(200, r.status(), r.text());
                assertEquals("application/xml", r.header("Content-Type"));
                out.add(r.body());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static String signerSubject(byte[] xml) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
        var certs = doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate");
        byte[] der = java.util.Base64.getMimeDecoder().decode(certs.item(0).getTextContent());
        var cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
        return cert.getSubjectX500Principal().getName();
    }
}
