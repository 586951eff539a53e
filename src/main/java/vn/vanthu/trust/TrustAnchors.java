package vn.vanthu.trust;

import vn.vanthu.config.ConfigException;
import vn.vanthu.pki.DevelopmentCertificates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads trust anchors from the places named in {@code VANTHU_TRUST_ANCHORS}: certificate files (PEM or DER,
 * several PEM blocks allowed), directories (every .crt/.pem/.cer/.der inside, not recursive) and PKCS#12 or
 * JKS keystores (.p12/.pfx/.jks, every certificate entry and key-entry certificate). Anything unreadable stops
 * start-up with a {@link ConfigException} naming the file. The JVM's own trust store is never consulted.
 *
 * <pre>{@code List<X509Certificate> anchors = TrustAnchors.read(List.of(Path.of("/etc/vanthu/ca")), "");}</pre>
 */
public final class TrustAnchors {
    private static final List<String> CERT_EXTENSIONS = List.of(".crt", ".pem", ".cer", ".der");
    private static final List<String> KEYSTORE_EXTENSIONS = List.of(".p12", ".pfx", ".jks");

    private TrustAnchors() {}

    /** All certificates found, duplicates removed, in the order given. */
    public static List<X509Certificate> read(List<Path> locations, String keystorePassword) {
        return read(locations, keystorePassword, false);
    }

    /**
     * As {@link #read(List, String)}; with {@code refuseDevelopment} (the production profile) a certificate of
     * the development PKI stops start-up, naming it and the place it came from.
     */
    public static List<X509Certificate> read(List<Path> locations, String keystorePassword, boolean refuseDevelopment) {
        Map<String, X509Certificate> bySerialAndIssuer = new LinkedHashMap<>();
        for (Path location : locations) {
            for (X509Certificate c : readLocation(location, keystorePassword)) {
                if (refuseDevelopment && DevelopmentCertificates.isDevelopment(c)) {
                    throw new ConfigException("Trust anchor " + location + " (VANTHU_TRUST_ANCHORS) holds a certificate "
                            + "of the development PKI, whose private keys are public: " + c.getSubjectX500Principal()
                            + "; the production profile refuses it (VANTHU_PROFILE=dev is for development)");
                }
                bySerialAndIssuer.putIfAbsent(c.getIssuerX500Principal().getName() + "#" + c.getSerialNumber(), c);
            }
        }
        return List.copyOf(bySerialAndIssuer.values());
    }

    private static List<X509Certificate> readLocation(Path location, String password) {
        if (Files.isDirectory(location)) {
            List<X509Certificate> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(location)) {
                for (Path f : files.sorted().filter(f -> hasExtension(f, CERT_EXTENSIONS)).toList()) {
                    out.addAll(readCertificates(f));
                }
            } catch (IOException e) {
                throw unreadable(location, "the folder cannot be listed");
            }
            if (out.isEmpty()) {
                throw unreadable(location, "the folder holds no .crt/.pem/.cer/.der certificate");
            }
            return out;
        }
        if (!Files.isRegularFile(location) || !Files.isReadable(location)) {
            throw unreadable(location, "no such readable file or folder");
        }
        return hasExtension(location, KEYSTORE_EXTENSIONS) ? readKeystore(location, password) : readCertificates(location);
    }

    private static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw unreadable(file, "no certificate in it");
            }
            return out;
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(file, "not a PEM or DER X.509 certificate");
        }
    }

    private static List<X509Certificate> readKeystore(Path file, String password) {
        String type = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        char[] pw = password == null || password.isEmpty() ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, pw);
            List<X509Certificate> out = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate c) {
                    out.add(c);
                }
            }
            if (out.isEmpty()) {
                throw unreadable(file, "the keystore holds no certificate");
            }
            return out;
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(file, "not a readable " + type + " keystore (check VANTHU_TRUST_ANCHORS_PASSWORD)");
        }
    }

    private static boolean hasExtension(Path f, List<String> extensions) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(name::endsWith);
    }

    private static ConfigException unreadable(Path file, String why) {
        return new ConfigException("Cannot read trust anchor " + file + " (VANTHU_TRUST_ANCHORS): " + why);
    }
}
