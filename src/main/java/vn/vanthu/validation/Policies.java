package vn.vanthu.validation;

import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.policy.EtsiValidationPolicyFactory;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import vn.vanthu.config.ConfigException;
import vn.vanthu.error.ApiException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The validation policies, each parsed ONCE at start (DSS re-reads its policy file on every call otherwise):
 * {@value #DEFAULT} is DSS's shipped default policy (ETSI EN 319 102-1 checks, DSS's default cryptographic
 * suite) with two constraints raised from WARN to FAIL: every file listed in a signed {@code ds:Manifest} must be
 * there (ManifestEntryObjectExistence, ManifestEntryObjectGroup), else the signature is
 * INDETERMINATE/SIGNED_DATA_NOT_FOUND, as with a missing detached file; the seal of an archival package listed the
 * package's files in a manifest when an earlier version made it. Every {@code <name>.xml} in {@code policy.dir} adds a policy named
 * {@code <name>} (it may replace the default by being called {@code default.xml}).
 *
 * <pre>{@code ValidationPolicy p = policies.get("strict");   // 400 UNKNOWN_POLICY when not configured}</pre>
 */
public final class Policies {
    public static final String DEFAULT = "default";
    private final Map<String, ValidationPolicy> byName;

    private Policies(Map<String, ValidationPolicy> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static Policies load(Path policyDir) {
        Map<String, ValidationPolicy> map = new TreeMap<>();
        map.put(DEFAULT, shippedDefault());
        if (policyDir != null) {
            if (!Files.isDirectory(policyDir)) {
                throw new ConfigException("Policy folder " + policyDir + " (VANTHU_POLICY_DIR) does not exist");
            }
            try (Stream<Path> files = Files.list(policyDir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                    String name = f.getFileName().toString().replaceFirst("\\.xml$", "");
                    map.put(name, read(f));
                }
            } catch (IOException e) {
                throw new ConfigException("Cannot list the policy folder " + policyDir + " (VANTHU_POLICY_DIR)");
            }
        }
        return new Policies(map);
    }

    private static ValidationPolicy shippedDefault() {
        try (InputStream in = ValidationPolicyLoader.class.getResourceAsStream("/policy/constraint.xml")) {
            String dss = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String ours = dss;
            for (String constraint : List.of("ManifestEntryObjectExistence", "ManifestEntryObjectGroup")) {
                String warn = "<" + constraint + " Level=\"WARN\" />";
                if (!ours.contains(warn)) {
                    throw new IllegalStateException("DSS's default policy no longer has " + warn);
                }
                ours = ours.replace(warn, "<" + constraint + " Level=\"FAIL\" />");
            }
            return parse(new ByteArrayInputStream(ours.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("DSS's default validation policy cannot be read", e);
        }
    }

    private static ValidationPolicy read(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            return parse(in);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("Validation policy " + f + " is not a valid DSS policy file");
        }
    }

    /**
     * Straight to the ETSI policy factory: given a file or stream, DSS first asks every factory whether it reads
     * the document, which parses it once more (a tenth of a second of every start).
     */
    private static ValidationPolicy parse(InputStream policy) {
        return ValidationPolicyLoader.fromValidationPolicy(new EtsiValidationPolicyFactory().loadValidationPolicy(policy)).create();
    }

    /** The named policy; null or blank means the default. */
    public ValidationPolicy get(String name) {
        String key = name == null || name.isBlank() ? DEFAULT : name.trim();
        ValidationPolicy p = byName.get(key);
        if (p == null) {
            throw ApiException.badRequest("UNKNOWN_POLICY", "No validation policy named '" + key
                    + "'; configured: " + byName.keySet(), "policy");
        }
        return p;
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
