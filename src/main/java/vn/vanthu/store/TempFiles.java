package vn.vanthu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Private temporary files (mode 600) for documents in transit; callers delete them when done. */
public final class TempFiles {
    private TempFiles() {}

    public static Path create(String prefix) {
        try {
            Path p = Files.createTempFile("vanthu-" + prefix + "-", ".tmp");
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Non-POSIX file systems keep their default permissions.
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless; the OS cleans its temp folder.
        }
    }
}
