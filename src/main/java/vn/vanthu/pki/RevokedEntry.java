package vn.vanthu.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;

/** One line of {@code revoked.txt}: {@code <serial hex> <revocation time ISO-8601 UTC> <reason>}. */
record RevokedEntry(BigInteger serial, Instant revokedAt, int reason) {

    /** RFC 5280 CRLReason names as written in revoked.txt (case-insensitive). */
    private static final Map<String, Integer> REASONS = Map.ofEntries(
            Map.entry("unspecified", CRLReason.unspecified),
            Map.entry("keycompromise", CRLReason.keyCompromise),
            Map.entry("cacompromise", CRLReason.cACompromise),
            Map.entry("affiliationchanged", CRLReason.affiliationChanged),
            Map.entry("superseded", CRLReason.superseded),
            Map.entry("cessationofoperation", CRLReason.cessationOfOperation),
            Map.entry("certificatehold", CRLReason.certificateHold),
            Map.entry("privilegewithdrawn", CRLReason.privilegeWithdrawn),
            Map.entry("aacompromise", CRLReason.aACompromise));

    static List<RevokedEntry> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<RevokedEntry> entries = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 2) {
                throw new IllegalArgumentException(file + ": expected '<serial hex> <time> [reason]': " + line);
            }
            String reasonName = parts.length > 2 ? parts[2] : "unspecified";
            Integer reason = REASONS.get(reasonName.toLowerCase(Locale.ROOT));
            if (reason == null) {
                throw new IllegalArgumentException(file + ": unknown revocation reason " + reasonName);
            }
            entries.add(new RevokedEntry(new BigInteger(parts[0], 16), Instant.parse(parts[1]), reason));
        }
        return List.copyOf(entries);
    }
}
