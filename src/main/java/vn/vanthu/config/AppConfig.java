package vn.vanthu.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole configuration, immutable, read once at start by {@link ConfigLoader}.
 *
 * <pre>{@code AppConfig config = ConfigLoader.fromEnvironment(); int port = config.server().port();}</pre>
 */
public record AppConfig(Profile profile,
                        Server server, Storage storage, Pki pki, Keys keys, boolean demoUsers, Validation validation,
                        Agency agency, Dossiers dossiers, Outbound outbound, boolean dssShortcuts,
                        Digitization digitization, Access access) {

    /**
     * Who sees what: the roles that see secret dispatches (role names, checked by the dispatch feature) and
     * the default lifetime of a bearer token.
     */
    public record Access(List<String> secretRoles, int tokenDays) {}

    /** What the service may fetch from outside: on or off, internal hosts allowed, ldap, the total time of one fetch. */
    public record Outbound(boolean fetch, List<String> allow, boolean ldap, Duration timeout) {}

    /** The issuing agency: symbol abbreviation, full name, identifier (mã định danh), its holidays (not working days). */
    public record Agency(String abbreviation, String name, String organId, java.util.Set<java.time.LocalDate> holidays) {
        public static final Agency DEFAULT = new Agency("SKHCN", "Sở Khoa học và Công nghệ tỉnh Thái Bình", "000.00.12.H56");

        public Agency {
            holidays = java.util.Set.copyOf(holidays);
        }

        /** Without holidays of its own (weekends only). */
        public Agency(String abbreviation, String name, String organId) {
            this(abbreviation, name, organId, java.util.Set.of());
        }
    }

    public record Server(String host, int port, long maxUploadBytes, Duration shutdownGrace) {}

    /** The database, and how often the orphan sweeper runs (zero = never). */
    public record Storage(Path dataDir, String dbUrl, String dbUser, String dbPassword, int poolSize,
                          Duration sweepInterval) {
        /** With the default sweep interval of an hour. */
        public Storage(Path dataDir, String dbUrl, String dbUser, String dbPassword, int poolSize) {
            this(dataDir, dbUrl, dbUser, dbPassword, poolSize, Duration.ofHours(1));
        }

        public boolean isPostgres() {
            return dbUrl.startsWith("jdbc:postgresql:");
        }
    }

    public enum RevocationMode { ONLINE, OFFLINE }

    public record Pki(boolean devPki, Path devPkiDir, List<Path> trustAnchors, RevocationMode revocation,
                      Duration revocationCache, String tsaUrl) {}

    /** {@code pkcs11Libraries}: the PKCS#11 modules keys may be registered from (an allow-list). */
    public record Keys(int pinAttempts, Duration lockDuration, Duration preparationTtl, List<Path> pkcs11Libraries) {
        public Keys(int pinAttempts, Duration lockDuration, Duration preparationTtl) {
            this(pinAttempts, lockDuration, preparationTtl, List.of());
        }
    }
    /**
     * Validation: keystore password for trust anchors, named policies, the seal of report PDFs
     * (null keystore = none configured), limits; the wall-clock budget of one validation or signing is
     * max(workMinimumSeconds, workSecondsPerMb × its size in MB).
     */
    public record Validation(String trustAnchorsPassword, Path policyDir, Path sealKeystore, String sealPassword,
                             int maxSignatures, int maxConcurrent, double workSecondsPerMb, double workMinimumSeconds) {}

    /**
     * Work dossiers: months from a dossier's end date to its submission deadline (general and
     * capital-construction dossiers); renewal adds an archive timestamp when the newest timestamp's certificate
     * expires within {@code renewWindow}, checked every {@code renewInterval} (zero = never automatically).
     */
    public record Dossiers(int submissionMonths, int capitalSubmissionMonths, Duration renewWindow, Duration renewInterval,
                           java.util.Set<String> agencyHeads) {
        public Dossiers {
            agencyHeads = java.util.Set.copyOf(agencyHeads);
        }
    }

    /**
     * Digitization of paper records: the OCRmyPDF program, the longest OCR of one page, the lowest resolution
     * accepted and the most pages of one document.
     */
    public record Digitization(String ocrmypdf, Duration pageTimeout, int minDpi, int maxPages) {}
}
