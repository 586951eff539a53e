package vn.vanthu.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads the configuration once: defaults (of the profile, {@code VANTHU_PROFILE}: production unless set), then the
 * properties file named by {@code VANTHU_CONFIG}, then {@code VANTHU_*} environment variables. Unknown names,
 * invalid values and an unsafe production configuration ({@link ProductionRules}) stop start-up.
 *
 * <pre>{@code AppConfig config = ConfigLoader.load(System.getenv());}</pre>
 */
public final class ConfigLoader {
    static final String CONFIG_FILE_ENV = "VANTHU_CONFIG";

    private ConfigLoader() {}

    public static AppConfig load(Map<String, String> env) {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        String file = env.get(CONFIG_FILE_ENV);
        if (file != null && !file.isBlank()) {
            readFile(Path.of(file), given);
        }
        env.forEach((name, value) -> {
            if (name.startsWith("VANTHU_") && !name.equals(CONFIG_FILE_ENV)) {
                Setting s = Setting.byEnvName(name).orElseThrow(() ->
                        new ConfigException("Unknown setting " + name + " in the environment"));
                given.put(s, value.trim());
            }
        });
        // The profile picks the defaults of everything else, so it is read first.
        given.putIfAbsent(Setting.PROFILE, Setting.PROFILE.defaultValue());
        Profile profile = oneOf(given, Setting.PROFILE, Profile.class);
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, given.getOrDefault(s, profile == Profile.DEV ? s.devDefault() : s.defaultValue()));
        }
        AppConfig config = build(profile, values);
        if (profile == Profile.PRODUCTION) {
            ProductionRules.check(values);
        }
        return config;
    }

    private static void readFile(Path file, Map<Setting, String> values) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + " (" + CONFIG_FILE_ENV + ")");
        }
        for (String name : props.stringPropertyNames()) {
            Setting s = Setting.byKey(name).orElseThrow(() ->
                    new ConfigException("Unknown setting '" + name + "' in " + file));
            values.put(s, props.getProperty(name).trim());
        }
    }

    private static AppConfig build(Profile profile, Map<Setting, String> v) {
        Path dataDir = Path.of(nonEmpty(v, Setting.DATA_DIR)).toAbsolutePath().normalize();
        String dbUrl = v.get(Setting.DB_URL);
        if (dbUrl.isEmpty()) {
            // QUERY_CACHE_SIZE: each connection keeps its parsed statements (H2 keeps 8; the service has dozens).
            // WRITE_DELAY=0: each commit is written to the file before it returns; H2's default writes commits
            // half a second later, so a killed process lost changes it had already answered as done.
            dbUrl = "jdbc:h2:file:" + dataDir.resolve("vanthu") + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0";
        } else if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw invalid(Setting.DB_URL, "must start with jdbc:h2: or jdbc:postgresql:");
        }
        var server = new AppConfig.Server(
                nonEmpty(v, Setting.HOST),
                intIn(v, Setting.PORT, 0, 65535),
                intIn(v, Setting.MAX_UPLOAD_MB, 1, 4096) * 1024L * 1024L,
                Duration.ofSeconds(intIn(v, Setting.SHUTDOWN_GRACE_SECONDS, 0, 600)));
        var storage = new AppConfig.Storage(dataDir, dbUrl, v.get(Setting.DB_USER), v.get(Setting.DB_PASSWORD),
                intIn(v, Setting.DB_POOL_SIZE, 1, 500),
                Duration.ofMinutes(intIn(v, Setting.SWEEP_INTERVAL_MINUTES, 0, 10_080)));
        var pki = new AppConfig.Pki(
                bool(v, Setting.DEV_PKI),
                Path.of(nonEmpty(v, Setting.DEV_PKI_DIR)).toAbsolutePath().normalize(),
                Arrays.stream(v.get(Setting.TRUST_ANCHORS).split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).map(Path::of).toList(),
                oneOf(v, Setting.REVOCATION, AppConfig.RevocationMode.class),
                Duration.ofMinutes(intIn(v, Setting.REVOCATION_CACHE_MINUTES, 0, 100_000)),
                v.get(Setting.TSA_URL));
        var keys = new AppConfig.Keys(
                intIn(v, Setting.PIN_ATTEMPTS, 1, 100),
                Duration.ofMinutes(intIn(v, Setting.KEY_LOCK_MINUTES, 0, 10_000)),
                Duration.ofSeconds(intIn(v, Setting.PREPARATION_TTL_SECONDS, 1, 86_400)),
                paths(v.get(Setting.PKCS11_LIBRARIES)));
        var agency = new AppConfig.Agency(nonEmpty(v, Setting.AGENCY_ABBREVIATION), nonEmpty(v, Setting.AGENCY_NAME),
                nonEmpty(v, Setting.ORGAN_ID), parse(v, Setting.HOLIDAYS, ConfigLoader::dates, "ISO dates yyyy-MM-dd, comma-separated"));
        var dossiers = new AppConfig.Dossiers(intIn(v, Setting.DOSSIER_SUBMISSION_MONTHS, 1, 120),
                intIn(v, Setting.DOSSIER_CAPITAL_SUBMISSION_MONTHS, 1, 120),
                Duration.ofDays(intIn(v, Setting.DOSSIER_RENEW_WINDOW_DAYS, 1, 36_500)),
                Duration.ofHours(intIn(v, Setting.DOSSIER_RENEW_INTERVAL_HOURS, 0, 8_760)),
                java.util.Set.copyOf(Arrays.stream(v.get(Setting.AGENCY_HEADS).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()));
        var outbound = new AppConfig.Outbound(bool(v, Setting.OUTBOUND_FETCH),
                Arrays.stream(v.get(Setting.OUTBOUND_ALLOW).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                bool(v, Setting.OUTBOUND_LDAP), Duration.ofSeconds(intIn(v, Setting.OUTBOUND_TIMEOUT_SECONDS, 1, 600)));
        return new AppConfig(profile, server, storage, pki, keys, bool(v, Setting.DEMO_USERS), validation(v, pki), agency,
                dossiers, outbound, bool(v, Setting.DSS_SHORTCUTS), new AppConfig.Digitization(nonEmpty(v, Setting.OCRMYPDF),
                Duration.ofSeconds(intIn(v, Setting.OCR_PAGE_TIMEOUT_SECONDS, 1, 3_600)),
                intIn(v, Setting.DIGITIZATION_MIN_DPI, 200, 1_200), intIn(v, Setting.DIGITIZATION_MAX_PAGES, 1, 10_000)),
                access(v));
    }

    private static AppConfig.Access access(Map<Setting, String> v) {
        List<String> roles = Arrays.stream(v.get(Setting.SECRET_ROLES).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
        if (roles.stream().anyMatch(r -> !r.matches("[A-Z_]{1,40}"))) {
            throw invalid(Setting.SECRET_ROLES, "must be comma-separated role names such as CLERK,OFFICIAL");
        }
        return new AppConfig.Access(roles, intIn(v, Setting.TOKEN_DAYS, 1, 3_650));
    }

    private static AppConfig.Validation validation(Map<Setting, String> v, AppConfig.Pki pki) {
        String seal = v.get(Setting.REPORT_SEAL_KEYSTORE);
        Path sealKeystore = !seal.isEmpty() ? Path.of(seal).toAbsolutePath().normalize()
                : pki.devPki() ? pki.devPkiDir().resolve("seal.p12") : null;
        String sealPassword = v.get(Setting.REPORT_SEAL_PASSWORD);
        if (sealPassword.isEmpty() && pki.devPki() && seal.isEmpty()) {
            sealPassword = "123456"; // the published password of the development PKI only
        }
        String policyDir = v.get(Setting.POLICY_DIR);
        return new AppConfig.Validation(v.get(Setting.TRUST_ANCHORS_PASSWORD),
                policyDir.isEmpty() ? null : Path.of(policyDir).toAbsolutePath().normalize(),
                sealKeystore, sealPassword,
                intIn(v, Setting.VALIDATION_MAX_SIGNATURES, 1, 10_000),
                intIn(v, Setting.VALIDATION_MAX_CONCURRENT, 0, 1_000),
                decimalIn(v, Setting.WORK_SECONDS_PER_MB, 0.001, 3_600), decimalIn(v, Setting.WORK_MIN_SECONDS, 0.001, 3_600));
    }

    private static java.util.Set<java.time.LocalDate> dates(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(java.time.LocalDate::parse)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static List<Path> paths(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    private static String nonEmpty(Map<Setting, String> v, Setting s) {
        String value = v.get(s);
        if (value.isEmpty()) {
            throw invalid(s, "must not be empty");
        }
        return value;
    }

    private static int intIn(Map<Setting, String> v, Setting s, int min, int max) {
        int n = parse(v, s, Integer::parseInt, "a whole number");
        if (n < min || n > max) {
            throw invalid(s, "must be between " + min + " and " + max);
        }
        return n;
    }

    private static double decimalIn(Map<Setting, String> v, Setting s, double min, double max) {
        double n = parse(v, s, Double::parseDouble, "a number");
        if (!(n >= min && n <= max)) {
            throw invalid(s, "must be between " + min + " and " + max);
        }
        return n;
    }

    private static boolean bool(Map<Setting, String> v, Setting s) {
        String value = v.get(s).toLowerCase(Locale.ROOT);
        if (!List.of("true", "false").contains(value)) {
            throw invalid(s, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static <E extends Enum<E>> E oneOf(Map<Setting, String> v, Setting s, Class<E> type) {
        return parse(v, s, x -> Enum.valueOf(type, x.toUpperCase(Locale.ROOT)),
                "one of " + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static <T> T parse(Map<Setting, String> v, Setting s, Function<String, T> parser, String expected) {
        try {
            return parser.apply(v.get(s));
        } catch (RuntimeException e) {
            throw invalid(s, "must be " + expected);
        }
    }

    private static ConfigException invalid(Setting s, String why) {
        return new ConfigException("Invalid value for " + s.envName() + " (" + s.key() + "): " + why);
    }
}
