package vn.vanthu.signing;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entries of a produced ASiC-E never climb out of the folder it is unpacked in. */
class AsicEntryNamesTest {

    @Test
    void hostile_file_names_come_out_as_plain_names_inside_the_container() throws Exception {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            Multipart form = new Multipart().field("format", "ASiC-E").field("level", "B")
                    .file("file", "..\\..\\evil.txt", "text/plain", "một".getBytes(StandardCharsets.UTF_8))
                    .file("file", "/etc/x", "text/plain", "hai".getBytes(StandardCharsets.UTF_8))
                    .file("file", "../../.bashrc", "text/plain", "ba".getBytes(StandardCharsets.UTF_8))
                    .field("keyId", "official1").field("pin", "123456");
            TestServer.Response r = s.postMultipart("/api/v1/signatures", "official", form);
            assertEquals(200, r.status(), r.text());
            List<String> names = entries(r.body());
            assertTrue(names.containsAll(List.of("evil.txt", "x", "bashrc")), names.toString());
            for (String n : names) {
                assertFalse(n.contains("..") || n.contains("\\") || n.startsWith("/"), n);
            }
        }
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
