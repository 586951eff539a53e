package vn.vanthu.validation;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Turns DSS's reports into the service's {@link ValidationReport}: one place that knows DSS's report model. */
final class ReportMapper {
    private ReportMapper() {}

    static ValidationReport map(Reports reports, String id, String name, String sha256, String policy,
                                Map<String, String> rawReports) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diag = reports.getDiagnosticData();
        List<ValidationReport.Signature> signatures = simple.getSignatureIdList().stream()
                .map(sigId -> signature(simple, reports, diag.getSignatureById(sigId), sigId)).toList();
        List<ValidationReport.Timestamp> timestamps = diag.getTimestampList().stream()
                .map(ts -> timestamp(reports, ts)).toList();
        return new ValidationReport(id, name, sha256, instant(simple.getValidationTime()), policy,
                simple.getSignaturesCount(), simple.getValidSignaturesCount(), signatures, timestamps, rawReports, null);
    }

    private static ValidationReport.Signature signature(SimpleReport simple, Reports reports, SignatureWrapper sig, String id) {
        CertificateWrapper signer = sig == null ? null : sig.getSigningCertificate();
        List<ValidationReport.Certificate> chain = sig == null ? List.of()
                : sig.getCertificateChain().stream().map(ReportMapper::certificate).toList();
        List<ValidationReport.Timestamp> timestamps = sig == null ? List.of()
                : sig.getTimestampList().stream().map(ts -> timestamp(reports, ts)).toList();
        List<ValidationReport.Scope> scope = simple.getSignatureScopes(id) == null ? List.of()
                : simple.getSignatureScopes(id).stream().map(s -> new ValidationReport.Scope(s.getName(),
                        s.getScope() == null ? null : s.getScope().name(), s.getValue())).toList();
        return new ValidationReport.Signature(id,
                simple.getSignatureFormat(id) == null ? null : simple.getSignatureFormat(id).toString(),
                simple.getSignedBy(id),
                signer == null ? null : certificate(signer), chain,
                instant(simple.getSigningTime(id)), instant(simple.getBestSignatureTime(id)),
                name(simple.getIndication(id)), name(simple.getSubIndication(id)),
                messages(simple.getAdESValidationErrors(id)), messages(simple.getAdESValidationWarnings(id)),
                messages(simple.getAdESValidationInfo(id)), timestamps, scope);
    }

    private static ValidationReport.Timestamp timestamp(Reports reports, TimestampWrapper ts) {
        Indication indication = reports.getSimpleReport().getIndication(ts.getId());
        SubIndication sub = reports.getSimpleReport().getSubIndication(ts.getId());
        if (indication == null) {
            indication = reports.getDetailedReport().getBasicTimestampValidationIndication(ts.getId());
            sub = reports.getDetailedReport().getBasicTimestampValidationSubIndication(ts.getId());
        }
        return new ValidationReport.Timestamp(ts.getId(), ts.getType() == null ? null : ts.getType().name(),
                instant(ts.getProductionTime()), name(indication), name(sub));
    }

    private static ValidationReport.Certificate certificate(CertificateWrapper c) {
        return new ValidationReport.Certificate(c.getCertificateDN(), c.getCertificateIssuerDN(), c.getSerialNumber(),
                instant(c.getNotBefore()), instant(c.getNotAfter()), c.isTrusted());
    }

    private static List<String> messages(List<Message> messages) {
        return messages == null ? List.of() : messages.stream().map(Message::getValue).distinct().toList();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
