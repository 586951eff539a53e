package vn.vanthu.dossier;

import vn.vanthu.store.DocumentStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams an archival package as a ZIP: the files in their order, then the seal. Nothing is held whole in memory;
 * documents (mostly compressed already) are stored without compression, metadata is deflated. The same package
 * always gives the same bytes (fixed entry times and order).
 */
final class PackageZip {
    private PackageZip() {}

    static void write(OutputStream out, DocumentStore store, List<PackageEntry> files, String sealSha256,
                      OffsetDateTime closedAt) throws IOException {
        FileTime time = FileTime.from(closedAt.toInstant());
        ZipOutputStream zip = new ZipOutputStream(out);
        byte[] buf = new byte[64 * 1024];
        for (PackageEntry f : files) {
            copy(zip, store, f.name(), f.sha256(), f.name().startsWith(PackageEntry.DATA), time, buf);
        }
        copy(zip, store, PackageEntry.SEAL, sealSha256, false, time, buf);
        zip.finish();
        zip.flush();
    }

    private static void copy(ZipOutputStream zip, DocumentStore store, String name, String sha, boolean stored,
                             FileTime time, byte[] buf) throws IOException {
        zip.setLevel(stored ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
        try (InputStream in = store.open(sha)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                zip.write(buf, 0, n);
            }
        }
        zip.closeEntry();
    }
}
