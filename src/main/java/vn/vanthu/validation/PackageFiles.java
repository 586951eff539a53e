package vn.vanthu.validation;

import eu.europa.esig.dss.model.CommonDocument;
import eu.europa.esig.dss.model.DSSDocument;
import vn.vanthu.error.ApiException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An archival package (E-ARK CSIP ZIP: {@code METS.xml} at the root, the seal in {@code META-INF/signatures.xml})
 * opened from a file: every entry hashed once as a stream, compared with the checksums METS lists and the digests
 * the seal's references carry. Entries are handed to DSS as streams, never whole. Bounded: entry count, inflation
 * ratio per entry and in total, overlapping entries refused, METS.xml streamed and the seal's size capped.
 *
 * <pre>{@code try (PackageFiles p = PackageFiles.open(zip)) { p.problems(); p.seal(); p.documents(); }}</pre>
 */
final class PackageFiles implements AutoCloseable {
    static final String METS = "METS.xml";
    static final String SEAL = "META-INF/signatures.xml";
    static final String DATA = "representations/";
    private static final int MAX_ENTRIES = 200_000;
    private static final long MAX_XML = 64L * 1024 * 1024;
    private static final long MAX_RATIO = 200;

    private final ZipFile zip;
    private final Map<String, String> hashes = new LinkedHashMap<>();

    private PackageFiles(ZipFile zip) {
        this.zip = zip;
    }

    /** True when the file is a ZIP with METS.xml and the seal at its root. */
    static boolean isPackage(Path file) {
        try (ZipFile z = new ZipFile(file.toFile())) {
            return z.getEntry(METS) != null && z.getEntry(SEAL) != null;
        } catch (IOException e) {
            return false;
        }
    }

    static PackageFiles open(Path file) {
        try {
            PackageFiles p = new PackageFiles(new ZipFile(file.toFile()));
            try {
                p.hashAll(java.nio.file.Files.size(file));
            } catch (RuntimeException | IOException e) {
                p.close();
                throw e;
            }
            return p;
        } catch (IOException e) {
            throw ApiException.unprocessable("UNSUPPORTED_DOCUMENT", "The package is not a readable ZIP", "file");
        }
    }

    /**
     * Hashes every file once, bounded in total as well as per entry: the entries' compressed data must fit in the
     * file side by side (entries that share or overlap their data are refused: they let a small upload be
     * hashed thousands of times), and all of them together may expand at most {@link #MAX_RATIO} times.
     */
    private void hashAll(long fileSize) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        byte[] buf = new byte[64 * 1024];
        long compressed = 0;
        long total = 0;
        long totalLimit = Math.max(1024 * 1024, MAX_RATIO * fileSize);
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.isDirectory()) {
                continue;
            }
            if (hashes.size() >= MAX_ENTRIES) {
                throw refused("it has more than " + MAX_ENTRIES + " files");
            }
            compressed += Math.max(0, e.getCompressedSize());
            if (compressed > fileSize) {
                throw refused("its entries overlap (their compressed data is larger than the file)");
            }
            MessageDigest md = vn.vanthu.store.Hashes.sha256Digest();
            long inflated = 0;
            long limit = Math.max(1024 * 1024, MAX_RATIO * Math.max(0, e.getCompressedSize()));
            try (InputStream in = zip.getInputStream(e)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    inflated += n;
                    total += n;
                    if (inflated > limit) {
                        throw refused(e.getName() + " expands more than " + MAX_RATIO + " times");
                    }
                    if (total > totalLimit) {
                        throw refused("its files expand more than " + MAX_RATIO + " times the package's size");
                    }
                }
            }
            hashes.put(e.getName(), HexFormat.of().formatHex(md.digest()));
        }
    }

    int fileCount() {
        return hashes.size();
    }

    /** Files that differ from METS.xml or the seal, are missing, or are listed nowhere; each named once. */
    List<ValidationReport.FileProblem> problems() {
        Map<String, String> listed = metsChecksums();
        Map<String, String> sealed = sealDigests();
        Map<String, ValidationReport.FileProblem> out = new LinkedHashMap<>();
        compare(listed, "METS.xml", out);
        compare(sealed, "the seal", out);
        for (String name : hashes.keySet()) {
            if (!listed.containsKey(name) && !sealed.containsKey(name) && !name.equals(SEAL) && !out.containsKey(name)) {
                out.put(name, new ValidationReport.FileProblem(name, "NOT_LISTED",
                        name + " is in the package but neither METS.xml nor the seal lists it"));
            }
        }
        return List.copyOf(out.values());
    }

    private void compare(Map<String, String> expected, String source, Map<String, ValidationReport.FileProblem> out) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String actual = hashes.get(e.getKey());
            if (out.containsKey(e.getKey())) {
                continue;
            }
            if (actual == null) {
                out.put(e.getKey(), new ValidationReport.FileProblem(e.getKey(), "MISSING", source + " lists " + e.getKey() + " but the package does not contain it"));
            } else if (!actual.equalsIgnoreCase(e.getValue())) {
                out.put(e.getKey(), new ValidationReport.FileProblem(e.getKey(), "CHECKSUM_MISMATCH", e.getKey() + " does not match its SHA-256 in " + source));
            }
        }
    }

    private Map<String, String> metsChecksums() {
        try (InputStream in = stream(METS)) {
            return PackageXml.metsChecksums(in, METS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> sealDigests() {
        return PackageXml.sealDigests(new ByteArrayInputStream(seal()), SEAL);
    }

    private InputStream stream(String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw refused(name + " is missing");
        }
        return zip.getInputStream(e);
    }

    byte[] seal() {
        return bytes(SEAL);
    }

    /** Every file except the seal, as DSS documents named by their path (the seal's detached contents). */
    List<DSSDocument> contents() {
        List<DSSDocument> out = new ArrayList<>();
        for (String name : hashes.keySet()) {
            if (!name.equals(SEAL)) {
                out.add(new Entry(name));
            }
        }
        return out;
    }

    /** The documents of the representations (the only files whose own signatures are validated). */
    List<String> documents() {
        return hashes.keySet().stream().filter(n -> n.startsWith(DATA)).toList();
    }

    String sha256(String name) {
        return hashes.get(name);
    }

    byte[] bytes(String name) {
        ZipEntry e = zip.getEntry(name);
        if (e == null || e.getSize() > MAX_XML) {
            throw refused(name + " is missing or too large");
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readNBytes((int) MAX_XML);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ApiException refused(String why) {
        return ApiException.unprocessable("ARCHIVE_REFUSED", "The package is refused: " + why, "file");
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only
        }
    }

    /** One ZIP entry for DSS, read as a stream each time it is asked for. */
    private final class Entry extends CommonDocument {
        private final String entry;

        Entry(String name) {
            this.entry = name;
            this.name = name;
            this.digestMap.put(eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA256, HexFormat.of().parseHex(hashes.get(name)));
        }

        @Override
        public InputStream openStream() {
            try {
                return zip.getInputStream(zip.getEntry(entry));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
