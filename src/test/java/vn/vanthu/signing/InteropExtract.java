package vn.vanthu.signing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * For scripts/interop-check.sh: takes signed files apart so that outside tools (openssl cms/ts, xmlsec1) can
 * check the pieces. Writes into OUTDIR: sig-N.p7s + sig-N.data (each PDF signature's CMS and the bytes its
 * ByteRange covers), dts-N.tst + .data (document timestamps), sts-*.tst + .data (signature timestamps and the
 * signature value they cover), *.tst + .digest (other timestamps: the imprint they state), and for ASiC-E the
 * unzipped container. It verifies nothing itself.
 * {@code java -cp target/vanthu.jar:target/test-classes vn.vanthu.signing.InteropExtract pdf|cms|xml|zip FILE OUTDIR}
 */
public final class InteropExtract {
    static final ASN1ObjectIdentifier SIGNATURE_TIMESTAMP = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.14");
    static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 = new ASN1ObjectIdentifier("0.4.0.1733.2.4");

    private InteropExtract() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        byte[] bytes = Files.readAllBytes(file);
        switch (args[0]) {
            case "pdf" -> pdf(bytes, out);
            case "cms" -> cms(bytes, out, "c");
            case "xml" -> xml(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), out, "x");
            case "zip" -> zip(bytes, out);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void pdf(byte[] bytes, Path out) throws Exception {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int n = 0;
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                n++;
                byte[] cms = sig.getContents(bytes);
                byte[] data = sig.getSignedContent(bytes);
                if ("ETSI.RFC3161".equals(sig.getSubFilter())) {
                    Files.write(out.resolve("dts-" + n + ".tst"), cms);
                    Files.write(out.resolve("dts-" + n + ".data"), data);
                } else {
                    Files.write(out.resolve("sig-" + n + ".p7s"), cms);
                    Files.write(out.resolve("sig-" + n + ".data"), data);
                    cms(cms, out, "p" + n);
                }
            }
        }
    }

    static void cms(byte[] bytes, Path out, String prefix) throws Exception {
        CMSSignedData signed = new CMSSignedData(new ByteArrayInputStream(bytes));
        int s = 0;
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            s++;
            AttributeTable unsigned = signer.getUnsignedAttributes();
            if (unsigned == null) {
                continue;
            }
            int t = 0;
            for (ASN1Encodable a : list(unsigned, SIGNATURE_TIMESTAMP)) {
                byte[] token = ((Attribute) a).getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
                String name = "sts-" + prefix + "-" + s + "-" + (++t);
                Files.write(out.resolve(name + ".tst"), token);
                Files.write(out.resolve(name + ".data"), signer.getSignature());
            }
            for (ASN1Encodable a : list(unsigned, ARCHIVE_TIMESTAMP_V3)) {
                byte[] token = ((Attribute) a).getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
                writeWithImprint(token, out, "ats-" + prefix + "-" + s + "-" + (++t));
            }
        }
    }

    private static java.util.List<ASN1Encodable> list(AttributeTable table, ASN1ObjectIdentifier oid) {
        var v = table.getAll(oid);
        java.util.List<ASN1Encodable> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(v.get(i));
        }
        return out;
    }

    static void xml(String xml, Path out, String prefix) throws Exception {
        Matcher m = Pattern.compile("EncapsulatedTimeStamp[^>]*>([^<]+)<").matcher(xml);
        int t = 0;
        while (m.find()) {
            writeWithImprint(Base64.getMimeDecoder().decode(m.group(1).trim()), out, "xts-" + prefix + "-" + (++t));
        }
    }

    static void zip(byte[] bytes, Path out) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                Path target = out.resolve("container").resolve(e.getName()).normalize();
                if (!target.startsWith(out) || e.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                byte[] data = zip.readAllBytes();
                Files.write(target, data);
                if (e.getName().startsWith("META-INF/signatures") && e.getName().endsWith(".xml")) {
                    xml(new String(data, java.nio.charset.StandardCharsets.UTF_8), out, "z");
                }
            }
        }
    }

    /** A timestamp whose covered data is not a plain byte string: keep the imprint it states, for openssl -digest. */
    private static void writeWithImprint(byte[] token, Path out, String name) throws Exception {
        TimeStampToken tst = new TimeStampToken(new CMSSignedData(token));
        Files.write(out.resolve(name + ".tst"), token);
        Files.writeString(out.resolve(name + ".digest"), HexFormat.of().formatHex(tst.getTimeStampInfo().getMessageImprintDigest()));
    }
}
