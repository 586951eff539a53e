package vn.vanthu.digitization;

import vn.vanthu.error.ApiException;
import vn.vanthu.store.TempFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The scans of a paper dossier sent as one ZIP, unpacked into private temporary files (never into a folder named
 * by the archive). Refused whole, before anything else happens: more than {@value #MAX_ENTRIES} entries, a name
 * that climbs out ("../", an absolute path, a drive letter, a backslash), the same name twice, or more than
 * {@value #MAX_BYTES} bytes unpacked (counted as they are read, not taken from the headers).
 *
 * <pre>{@code try (ScanArchive zip = ScanArchive.open(upload)) { Path scan = zip.file("trang-1.pdf").orElseThrow(); }}</pre>
 */
final class ScanArchive implements AutoCloseable {
    static final int MAX_ENTRIES = 1000;
    static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    private static final Pattern UNSAFE = Pattern.compile("(^|/)\\.\\.(/|$)|^/|\\\\|^[A-Za-z]:|\\p{Cntrl}");

    private final Map<String, Path> files = new LinkedHashMap<>();

    private ScanArchive() {}

    static ScanArchive open(Path zip) {
        ScanArchive archive = new ScanArchive();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            int entries = 0;
            long total = 0;
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw refused("ARCHIVE_TOO_MANY_ENTRIES", "The ZIP holds more than " + MAX_ENTRIES + " entries");
                }
                String name = e.getName();
                if (UNSAFE.matcher(name).find()) {
                    throw refused("ARCHIVE_UNSAFE_NAME", "The ZIP entry '" + printable(name) + "' leaves its folder "
                            + "or is not a plain relative name");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (archive.files.containsKey(name)) {
                    throw refused("ARCHIVE_DUPLICATE_NAME", "The ZIP holds '" + name + "' twice");
                }
                Path tmp = TempFiles.create("zip-entry");
                archive.files.put(name, tmp);
                total += copy(in, tmp, MAX_BYTES - total);
            }
            return archive;
        } catch (IOException | RuntimeException ex) {
            archive.close();
            if (ex instanceof ApiException api) {
                throw api;
            }
            throw refused("ARCHIVE_UNREADABLE", "The ZIP cannot be read");
        }
    }

    private static long copy(InputStream in, Path to, long room) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(to)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > room) {
                    throw refused("ARCHIVE_TOO_LARGE", "The ZIP unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                out.write(buf, 0, r);
            }
        }
        return n;
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static ApiException refused(String code, String message) {
        return ApiException.unprocessable(code, message, "archive");
    }

    /** The names of the files in the archive, in archive order. */
    java.util.Set<String> names() {
        return files.keySet();
    }

    Optional<Path> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    @Override
    public void close() {
        files.values().forEach(TempFiles::delete);
    }
}
