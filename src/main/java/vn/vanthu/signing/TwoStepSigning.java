package vn.vanthu.signing;

import java.time.Clock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.User;
import vn.vanthu.web.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Two-step signing for keys that never reach the server (USB tokens, remote signing), kept across instances:
 * {@link #prepare} checks the client's certificate ({@link SigningService#prepare}), stores the documents and every
 * parameter (including the exact signing date) and answers the data to sign; {@link #complete} rebuilds the same job, verifies the client's signature value
 * against it and the certificate ({@link SigningService#complete}), and only then produces the signed file. Single use, expires after the TTL.
 *
 * <pre>{@code
 * Prepared p = twoStep.prepare(user, request, chain);
 * SignedDocument s = twoStep.complete(user, p.preparationId(), signatureValueFromClient);
 * }</pre>
 */
public final class TwoStepSigning {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final long IN_MEMORY_LIMIT = 8L * 1024 * 1024;
    /** Columns of a stored preparation: the documents list (JSON) and the PEM chain, with room to spare. */
    private static final int MAX_DOCUMENTS_JSON = 8_000;
    /** The longest PEM certificate chain read in step 1. */
    public static final int MAX_PEM = 25_000;

    /** What the client signs: the data, and with which algorithms. */
    public record Prepared(String preparationId, byte[] dataToSign, String digestAlgorithm, String signatureAlgorithm,
                           OffsetDateTime expiresAt) {
        /** The answer to step 1, the same wherever two-step signing is offered. */
        public java.util.Map<String, Object> answer() {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("preparationId", preparationId);
            body.put("dataToSign", java.util.Base64.getEncoder().encodeToString(dataToSign));
            body.put("digestAlgorithm", digestAlgorithm);
            body.put("signatureAlgorithm", signatureAlgorithm);
            body.put("expiresAt", expiresAt.toString());
            return body;
        }
    }

    private final SigningService signing;
    private final DocumentStore documents;
    private final PreparationDao preparations;
    private final Duration ttl;
    private final Clock clock;

    public TwoStepSigning(SigningService signing, DocumentStore documents, vn.vanthu.store.Database db, Duration ttl,
                          Clock clock) {
        this.clock = clock;
        this.signing = signing;
        this.documents = documents;
        this.preparations = new PreparationDao(db);
        this.ttl = ttl;
    }

    public Prepared prepare(User caller, SignRequest r, List<X509Certificate> chain) {
        requireStorable(r);
        DataToSign d = signing.prepare(r, chain);
        ArrayNode docs = JSON.createArrayNode();
        for (SignDocument doc : r.documents()) {
            try (InputStream in = doc.openStream()) {
                DocumentStore.StoredDocument stored = documents.put(in, "application/octet-stream");
                docs.addObject().put("sha256", stored.sha256()).put("name", doc.name());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        OffsetDateTime now = now();
        // Rows a day past their expiry only ever answer 410; keep the table small.
        preparations.purgeExpiredBefore(now.minusDays(1));
        String id = UUID.randomUUID().toString();
        SignRequest p = d.request();
        preparations.insert(new PreparationDao.Row(id, caller.id(), p.format().name(), p.level().name(),
                p.packaging().name(), docs.toString(), pem(chain), d.signingDate().getTime(),
                p.visible() == null ? null : p.visible().toJson(), p.reason(), p.location(), now, now.plus(ttl), false));
        return new Prepared(id, d.bytes(), d.digestAlgorithm(), d.signatureAlgorithm(), now.plus(ttl));
    }

    /** The list of documents a preparation stores must fit its column: checked before anything is stored. */
    private static void requireStorable(SignRequest r) {
        ArrayNode docs = JSON.createArrayNode();
        r.documents().forEach(doc -> docs.addObject().put("sha256", "0".repeat(64)).put("name", doc.name()));
        if (docs.toString().length() > MAX_DOCUMENTS_JSON) {
            throw ApiException.badRequest("TOO_MANY_FILES", "Too many files or too long file names for one two-step "
                    + "signature; sign fewer files at once", "file");
        }
    }

    public SignedDocument complete(User caller, String id, byte[] signatureValue) {
        PreparationDao.Row row = preparations.find(id).filter(p -> p.userId().equals(caller.id()))
                .orElseThrow(() -> ApiException.notFound("Preparation " + id));
        if (row.used()) {
            throw ApiException.gone("PREPARATION_USED", "This preparation has already been completed; prepare again");
        }
        if (!row.expiresAt().isAfter(now())) {
            throw ApiException.gone("PREPARATION_EXPIRED", "This preparation expired at " + row.expiresAt() + "; prepare again");
        }
        List<Path> temps = new ArrayList<>();
        try {
            SignRequest r = SignRequest.of(SignatureFormat.valueOf(row.format()), Packaging.valueOf(row.packaging()),
                    load(row.documents(), temps)).level(Level.valueOf(row.level()))
                    .visible(VisibleSignature.parse(row.visible())).reason(row.reason()).location(row.location());
            DataToSign prepared = DataToSign.restored(r, parsePem(row.certificateChain()), new Date(row.signingDateMs()));
            // Nothing is produced unless the client's value verifies and this caller wins the single use.
            return signing.complete(prepared, signatureValue, () -> {
                if (!preparations.claim(id, now())) {
                    throw ApiException.gone("PREPARATION_USED", "This preparation has already been completed or expired; prepare again");
                }
            });
        } finally {
            temps.forEach(TempFiles::delete);
        }
    }

    private List<SignDocument> load(String json, List<Path> temps) {
        List<SignDocument> out = new ArrayList<>();
        try {
            for (JsonNode d : JSON.readTree(json)) {
                String sha = d.get("sha256").asText();
                String name = d.path("name").asText(null);
                long size = documents.find(sha).orElseThrow(() -> ApiException.gone("PREPARATION_EXPIRED",
                        "The prepared document is no longer stored")).size();
                if (size <= IN_MEMORY_LIMIT) {
                    out.add(SignDocument.of(documents.readAllBytes(sha), name));
                } else {
                    Path tmp = documents.copyToTempFile(sha);
                    temps.add(tmp);
                    out.add(SignDocument.of(tmp, name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Parses a PEM (or DER) certificate chain, signer first. */
    public static List<X509Certificate> parsePem(String pem) {
        if (pem.length() > MAX_PEM) {
            throw ApiException.badRequest("INVALID_CERTIFICATE", "certificate must be at most " + MAX_PEM
                    + " characters of PEM (a chain of a few certificates)", "certificate");
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(c -> (X509Certificate) c).toList();
            if (out.isEmpty()) {
                throw new CertificateException("empty");
            }
            if (out.size() > TrustedChain.MAX_CERTIFICATES) {
                throw ApiException.badRequest("INVALID_CERTIFICATE", "certificate may hold at most "
                        + TrustedChain.MAX_CERTIFICATES + " certificates, signer first", "certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw ApiException.badRequest("INVALID_CERTIFICATE", "certificate must be a PEM certificate chain, signer first", "certificate");
        }
    }

    static String pem(List<X509Certificate> chain) {
        StringBuilder sb = new StringBuilder();
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate c : chain) {
            try {
                sb.append("-----BEGIN CERTIFICATE-----\n").append(b64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
