package vn.vanthu.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting vanthu understands. Each has a property name (for the optional properties file named by
 * {@code VANTHU_CONFIG}) and an environment name ({@code VANTHU_} + upper-case name, dots as underscores).
 * Anything else that looks like a setting is refused at start-up. A few development helpers have a second default,
 * used by the dev profile ({@link #PROFILE}); the first default is production's.
 *
 * <pre>{@code VANTHU_PORT=9090   # same as port=9090 in the properties file}</pre>
 */
public enum Setting {
    PROFILE("profile", "production", "production: no development PKI, demo users or development routes; trust.anchors and "
            + "report.seal.keystore required. dev (scripts/run.sh): the development PKI and the demo users."),
    PORT("port", "8080", "HTTP port."),
    HOST("host", "0.0.0.0", "Address to listen on."),
    DATA_DIR("data.dir", "./data", "Folder for the embedded H2 database and demo-tokens.json."),
    DB_URL("db.url", "", "JDBC URL; empty = H2 file database in the data folder. jdbc:postgresql://… for PostgreSQL."),
    DB_USER("db.user", "", "Database user."),
    DB_PASSWORD("db.password", "", "Database password (never logged)."),
    DB_POOL_SIZE("db.pool.size", "16", "Maximum database connections of this instance."),
    SWEEP_INTERVAL_MINUTES("sweep.interval.minutes", "60", "How often stored bytes referenced by nothing and untouched for an hour are deleted (0 = never)."),
    MAX_UPLOAD_MB("max.upload.mb", "50", "Largest accepted request body in MB (larger → 413)."),
    SHUTDOWN_GRACE_SECONDS("shutdown.grace.seconds", "20", "How long requests in flight may take to finish on SIGTERM."),
    DEMO_USERS("demo.users", "false", "true", "Create the demo users official, clerk, auditor, admin and demo-tokens.json on first start (dev profile only)."),
    DEV_PKI("dev.pki", "false", "true", "Trust and serve the test-only PKI in keystore-samples/ (CRL, OCSP, TSA; dev profile only)."),
    DEV_PKI_DIR("dev.pki.dir", "./keystore-samples", "Where the development PKI lives."),
    TRUST_ANCHORS("trust.anchors", "", "Comma-separated certificate files (PEM/DER), directories or PKCS#12 keystores added as trust anchors."),
    REVOCATION("revocation", "online", "online: fetch CRL/OCSP when a file does not embed them; offline: use only what the file embeds."),
    REVOCATION_CACHE_MINUTES("revocation.cache.minutes", "60", "How long fetched CRL/OCSP answers are reused."),
    TSA_URL("tsa.url", "", "RFC 3161 time-stamping service; empty = the development TSA when dev.pki is on, none otherwise."),
    PIN_ATTEMPTS("pin.attempts", "5", "Wrong PINs in a row that lock a key."),
    KEY_LOCK_MINUTES("key.lock.minutes", "15", "How long a key stays locked after too many wrong PINs."),
    PREPARATION_TTL_SECONDS("preparation.ttl.seconds", "300", "How long a two-step signing preparation stays usable."),
    PKCS11_LIBRARIES("pkcs11.libraries", "/usr/lib/softhsm/libsofthsm2.so",
            "Comma-separated PKCS#11 module paths an admin may register keys from (any other library is refused)."),
    // validation
    TRUST_ANCHORS_PASSWORD("trust.anchors.password", "", "Password of PKCS#12/JKS keystores listed in trust.anchors (empty = none)."),
    POLICY_DIR("policy.dir", "", "Folder of named validation policies <name>.xml (DSS policy format); 'default' is DSS's own."),
    REPORT_SEAL_KEYSTORE("report.seal.keystore", "", "PKCS#12 of the agency seal that signs validation report PDFs; required in production; empty = <dev.pki.dir>/seal.p12 with dev.pki on."),
    REPORT_SEAL_PASSWORD("report.seal.password", "", "Password of report.seal.keystore (default 123456 only in dev mode; never logged)."),
    VALIDATION_MAX_SIGNATURES("validation.max.signatures", "100", "Files with more signatures than this are refused (422) before validation."),
    VALIDATION_MAX_CONCURRENT("validation.max.concurrent", "0", "Validations running at once (0 = twice the CPU count); others wait. Signings get as many slots of their own."),
    WORK_SECONDS_PER_MB("work.seconds.per.mb", "5", "Wall-clock seconds one validation or signing may take per MB of its file (decimal); past it → 422 TOO_COMPLEX."),
    WORK_MIN_SECONDS("work.min.seconds", "30", "The budget of a small file: no validation or signing is cut off sooner than this (decimal seconds)."),
    AGENCY_ABBREVIATION("agency.abbreviation", "SKHCN", "The agency's abbreviation in document symbols (05/KH-SKHCN)."),
    AGENCY_NAME("agency.name", "Sở Khoa học và Công nghệ tỉnh Thái Bình", "The agency's full name (register, copies, edXML)."),
    ORGAN_ID("organ.id", "000.00.12.H56", "The agency's identifier (mã định danh cơ quan) in document ids and edXML."),
    HOLIDAYS("holidays", "", "Comma-separated ISO dates (2027-02-16,…) that are not working days, besides Saturdays and Sundays (sending deadline, Decree 30 Art. 18)."),
    // work dossiers
    DOSSIER_SUBMISSION_MONTHS("dossier.submission.months", "12", "Months from a dossier's end date to its submission deadline (nộp lưu)."),
    DOSSIER_CAPITAL_SUBMISSION_MONTHS("dossier.capital.submission.months", "3", "The same for capital-construction dossiers."),
    DOSSIER_RENEW_WINDOW_DAYS("dossier.renew.window.days", "365", "Sealed packages get a new archive timestamp when their newest timestamp's certificate expires within this many days."),
    AGENCY_HEADS("agency.heads", "", "Comma-separated logins of the officials who head the agency (the head, and a deputy who signs on the head's behalf): they approve the dossier catalogue; empty = nobody can."),
    DOSSIER_RENEW_INTERVAL_HOURS("dossier.renew.interval.hours", "24", "How often the renewal job looks for such packages (0 = only on request)."),
    OUTBOUND_FETCH("outbound.fetch", "true", "Fetch CRL, OCSP, CA certificates (AIA) and timestamps from outside; false = none at all (only what files embed; the development PKI answers in-process)."),
    OUTBOUND_ALLOW("outbound.allow", "", "Comma-separated host names, addresses or CIDR ranges on internal networks (loopback, private, link-local, unique-local) that may be fetched from; others are refused."),
    OUTBOUND_LDAP("outbound.ldap", "false", "Also fetch ldap:// URLs (with the same timeouts); http and https only otherwise."),
    OUTBOUND_TIMEOUT_SECONDS("outbound.timeout.seconds", "20", "Longest one outbound fetch may take in all (connect 5 s, each read 10 s at most)."),
    DSS_SHORTCUTS("dss.shortcuts", "true", "Use the tested speed shortcuts around DSS (XPath, PDF, XAdES reference, opened keys); false = plain DSS everywhere."),
    // digitization of paper records
    OCRMYPDF("ocrmypdf", "ocrmypdf", "The OCRmyPDF program (a name on PATH or a path); with Tesseract's Vietnamese model (tesseract-ocr-vie)."),
    OCR_PAGE_TIMEOUT_SECONDS("ocr.page.timeout.seconds", "120", "Longest the text recognition of one page may take; a slower page fails the digitization job, naming the page."),
    DIGITIZATION_MIN_DPI("digitization.min.dpi", "200", "Lowest scan resolution accepted (Decree 30: 200 dpi; may be raised, never lowered)."),
    DIGITIZATION_MAX_PAGES("digitization.max.pages", "500", "Most pages one digitized document may have (a longer scan is refused before it is decoded)."),
    // access
    SECRET_ROLES("secret.roles", "CLERK", "Comma-separated roles that see secret dispatches (the creator and the named signer always see their own)."),
    TOKEN_DAYS("token.days", "90", "Days a bearer token stays valid unless its issue names expiresInDays.");

    private final String key;
    private final String defaultValue;
    private final String devDefault;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this(key, defaultValue, defaultValue, description);
    }

    Setting(String key, String defaultValue, String devDefault, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.devDefault = devDefault;
        this.description = description;
    }

    public String key() { return key; }
    /** The default of the production profile (the jar on its own). */
    public String defaultValue() { return defaultValue; }
    /** The default of the dev profile; the same as {@link #defaultValue()} but for the development helpers. */
    public String devDefault() { return devDefault; }
    public String description() { return description; }

    /** The environment variable name, e.g. {@code VANTHU_DATA_DIR}. */
    public String envName() {
        return "VANTHU_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    static Optional<Setting> byEnvName(String env) {
        return Arrays.stream(values()).filter(s -> s.envName().equals(env)).findFirst();
    }
}
