package vn.vanthu.signing;

import eu.europa.esig.dss.model.DSSDocument;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of the files inside an ASiC-E container, made safe the way dossier packages name theirs: only the
 * last segment of what the client sent (no {@code ../}, {@code ..\}, absolute path or drive letter, so an
 * unpacking tool cannot write outside its folder), Vietnamese letters without their marks, anything outside
 * {@code [A-Za-z0-9._-]} replaced by {@code -}, never starting with a dot, at most 100 characters, and unique
 * ({@code a.pdf}, {@code a-2.pdf}). The same input always gives the same names, so the two steps of a two-step
 * signing agree.
 *
 * <pre>{@code EntryNames.sanitise(job.documents());   // "..\\..\\evil.txt" → "evil.txt"}</pre>
 */
final class EntryNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final int MAX = 100;

    private EntryNames() {}

    /** Renames the documents in place and returns them. */
    static List<DSSDocument> sanitise(List<DSSDocument> documents) {
        Set<String> taken = new HashSet<>();
        for (DSSDocument d : documents) {
            String name = safe(d.getName());
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                int dot = name.lastIndexOf('.');
                unique = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
            }
            d.setName(unique);
        }
        return documents;
    }

    static String safe(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        name = MARKS.matcher(name).replaceAll("");
        name = UNSAFE.matcher(name).replaceAll("-").replaceAll("^[.-]+", "");
        if (name.length() > MAX) {
            name = name.substring(name.length() - MAX);   // keeps the extension
        }
        return name.isEmpty() || name.equalsIgnoreCase("mimetype") ? "document" : name;
    }
}
