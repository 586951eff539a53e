package vn.vanthu.dossier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File names inside a package: only the last segment of what the user sent (no {@code ../}, no absolute
 * path, no drive letter), Vietnamese letters without their marks, anything outside {@code [a-z0-9._-]}
 * replaced, numbered so two documents never share a name: {@code 0007-cong-van-so-12.pdf}.
 */
final class SafeNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]+");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

    private SafeNames() {}

    static String numbered(int ordinal, String userName) {
        String name = userName == null ? "" : userName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        name = MARKS.matcher(name).replaceAll("").toLowerCase(Locale.ROOT);
        String ext = "";
        int dot = name.lastIndexOf('.');
        if (dot > 0 && EXTENSION.matcher(name.substring(dot + 1)).matches()) {
            ext = "." + name.substring(dot + 1);
            name = name.substring(0, dot);
        }
        name = UNSAFE.matcher(name).replaceAll("-").replaceAll("[.-]{2,}", "-").replaceAll("^[.-]+|[.-]+$", "");
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        return String.format(Locale.ROOT, "%04d", ordinal) + (name.isEmpty() ? "" : "-" + name) + ext;
    }
}
