package vn.vanthu.validation;

import vn.vanthu.error.ApiException;
import vn.vanthu.store.TempFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Validation as the API offers it: an uploaded file is validated (an archival package from a temp file, streamed;
 * anything else from memory, read once) and the outcome kept with who asked; stored results are read back.
 *
 * <pre>{@code
 * ValidationReport r = validations.validateAndKeep(userId, new Validations.Upload("a.pdf", size, file::content),
 *         new Validations.Options(List.of(), null, Set.of(), null));
 * }</pre>
 */
public final class Validations {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** Opens the uploaded bytes (once). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** An uploaded file: its name, its declared size and its content. */
    public record Upload(String name, long size, Content content) {}

    /** The originals of detached signatures, as of when, which reports, which policy. */
    public record Options(List<ValidationService.Original> originals, Instant validationTime, Set<String> reports,
                          String policy) {}

    private final ValidationService service;
    private final ValidationStore store;

    public Validations(ValidationService service, ValidationStore store) {
        this.service = service;
        this.store = store;
    }

    public ValidationReport validateAndKeep(String userId, Upload file, Options o) throws IOException {
        ValidationService.Outcome outcome;
        try (InputStream in = file.content().open()) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            outcome = Arrays.equals(head, ZIP_MAGIC)
                    ? fromFile(file.name(), head, in, o)   // only a ZIP can be a package: validated from a file
                    : service.validate(new ValidationService.Request(file.name(), rest(head, in, file.size()),
                            o.originals(), o.validationTime(), o.reports(), o.policy()));
        }
        store.save(outcome, userId);
        return outcome.report();
    }

    public ValidationStore.Stored get(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Validation " + id));
    }

    public ValidationStore.Page list(int limit, Long cursor) {
        return store.list(limit, cursor);
    }

    public String etsiReport(ValidationStore.Stored s) {
        return store.etsiReport(s);
    }

    private ValidationService.Outcome fromFile(String name, byte[] head, InputStream rest, Options o) throws IOException {
        Path upload = TempFiles.create("validation");
        try {
            try (OutputStream out = Files.newOutputStream(upload)) {
                out.write(head);
                rest.transferTo(out);
            }
            if (ValidationService.isPackage(upload)) {
                return service.validatePackage(name, upload, o.validationTime(), o.reports(), o.policy());
            }
            return service.validate(new ValidationService.Request(name, Files.readAllBytes(upload), o.originals(),
                    o.validationTime(), o.reports(), o.policy()));
        } finally {
            TempFiles.delete(upload);
        }
    }

    /** {@code head} followed by the rest of the stream: one array of the declared size, as reading a file gave. */
    private static byte[] rest(byte[] head, InputStream in, long size) throws IOException {
        if (size >= head.length && size <= Integer.MAX_VALUE - 16) {
            byte[] all = Arrays.copyOf(head, (int) size);
            int n = in.readNBytes(all, head.length, all.length - head.length);
            int extra = in.read();
            if (n == all.length - head.length && extra < 0) {
                return all;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();   // the declared size was wrong: keep every byte
            out.write(all, 0, head.length + n);
            if (extra >= 0) {
                out.write(extra);
                in.transferTo(out);
            }
            return out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head);
        in.transferTo(out);
        return out.toByteArray();
    }
}
