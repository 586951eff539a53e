package vn.vanthu.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page, as each role that may open it: the security headers, under 200 KB, a label for every field, a
 * table on every list page, Vietnamese by default and English on request; the style sheet keeps the page within
 * a phone's width.
 */
class PageQualityTest {
    /** The pages each demo user opens, and whether the page is a list (so it must hold a table). */
    static final Map<String, List<String>> PAGES = Map.of(
            "auditor", List.of("/validate", "/validations", "/audit", "/registers/outgoing", "/registers/incoming", "/password",
                    "/figures", "/figures?period=year&unit=VP"),
            "clerk", List.of("/dispatches?status=SIGNED", "/registers/outgoing", "/registers/incoming", "/incoming/new",
                    "/incoming?status=RECEIVED", "/validate", "/dossiers", "/catalogue", "/digitizations/new", "/copies/new"),
            "official", List.of("/drafts", "/directions", "/handling", "/validate", "/dispatches?status=DRAFT"),
            "handler", List.of("/handling", "/incoming?status=ASSIGNED", "/dossiers"),
            "admin", List.of("/admin/users", "/audit", "/registers/outgoing", "/admin/keys", "/admin/organs",
                    "/admin/numbering?year=2031", "/admin/trust"));
    private static final Set<String> LISTS = Set.of("/validations", "/audit", "/registers/outgoing", "/registers/incoming",
            "/dispatches", "/drafts", "/directions", "/handling", "/incoming", "/admin/users", "/dossiers", "/catalogue", "/admin/keys",
            "/admin/organs", "/admin/numbering", "/admin/trust", "/figures");
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_page_has_its_headers_a_label_for_each_field_a_table_when_a_list_and_stays_under_200_kb() {
        Map<String, String> passwords = PageClient.demoPasswords(server);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (var e : PAGES.entrySet()) {
            PageClient c = new PageClient(server);
            c.signIn(e.getKey(), passwords.get(e.getKey()));
            for (String path : e.getValue()) {
                TestServer.Response r = c.get(path);
                String page = e.getKey() + " " + path;
                if (r.status() != 200) {
                    wrong.add(page + ": status " + r.status());
                    continue;
                }
                sizes.put(page, r.body().length);
                check(wrong, page, r, path);
            }
        }
        TestServer.Response signIn = server.get("/", null);
        check(wrong, "signed out /", signIn, "/");
        System.out.println("Page sizes (bytes): " + sizes);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void check(List<String> wrong, String page, TestServer.Response r, String path) {
        String html = r.text();
        String csp = r.header("Content-Security-Policy");
        if (csp == null || !csp.contains("frame-ancestors 'none'") || !csp.contains("default-src 'none'") || csp.contains("unsafe")) {
            wrong.add(page + ": Content-Security-Policy " + csp);
        }
        if (!"nosniff".equals(r.header("X-Content-Type-Options")) || !"no-referrer".equals(r.header("Referrer-Policy"))) {
            wrong.add(page + ": X-Content-Type-Options or Referrer-Policy missing");
        }
        if (r.body().length >= 200 * 1024) {
            wrong.add(page + ": " + r.body().length + " bytes");
        }
        if (html.contains("<script") || html.contains("http://") && html.matches("(?s).*(src|href)=\"https?://.*")) {
            wrong.add(page + ": a script or an outside resource");
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (LISTS.contains(bare) && !html.contains("<table")) {
            wrong.add(page + ": a list without a table");
        }
        Set<String> labelled = new TreeSet<>();
        Matcher l = Pattern.compile("<label for=\"([^\"]+)\"").matcher(html);
        while (l.find()) {
            labelled.add(l.group(1));
        }
        Matcher f = FIELD.matcher(html);
        while (f.find()) {
            String attrs = f.group(2);
            if (attrs.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher id = ID.matcher(attrs);
            boolean wrapped = html.lastIndexOf("<label>", f.start()) > html.lastIndexOf("</label>", f.start());
            if (!wrapped && (!id.find() || !labelled.contains(id.group(1)))) {
                wrong.add(page + ": a field without a label: " + f.group());
            }
        }
        if (!html.contains("lang=\"vi\"")) {
            wrong.add(page + ": not Vietnamese by default");
        }
    }

    @Test
    void english_is_a_query_away_and_is_remembered() {
        PageClient c = new PageClient(server);
        TestServer.Response en = c.get("/signin?lang=en");
        assertTrue(en.text().contains("lang=\"en\"") && en.text().contains("User name"));
        assertTrue(c.get("/signin").text().contains("User name"), "the choice is kept in a cookie");
        assertTrue(c.get("/signin?lang=vi").text().contains("Tên đăng nhập"));
    }

    @Test
    void the_style_sheet_is_served_by_the_service_and_fits_a_phone() {
        TestServer.Response css = server.get("/assets/app.css", null);
        assertEquals(200, css.status());
        assertTrue(css.header("Content-Type").startsWith("text/css"));
        assertTrue(css.text().contains("@media (max-width:600px)") && css.text().contains(".table-wrap{overflow-x:auto}"));
        assertTrue(css.text().contains(":focus-visible"), "a visible focus for keyboard users");
    }
}
