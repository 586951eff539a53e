package vn.vanthu.signing;

import vn.vanthu.error.ApiException;

import java.util.Arrays;

/**
 * The signature formats of the API, spelled as clients send them ({@code PAdES}, {@code XAdES}, {@code CAdES},
 * {@code ASiC-E}), with the media type and file extension of what signing them produces.
 *
 * <pre>{@code SignatureFormat f = SignatureFormat.parse("ASiC-E"); String type = f.mediaType();}</pre>
 */
public enum SignatureFormat {
    PADES("PAdES", "application/pdf", ".pdf"),
    XADES("XAdES", "application/xml", ".xml"),
    CADES("CAdES", "application/pkcs7-signature", ".p7s"),
    ASIC_E("ASiC-E", "application/vnd.etsi.asic-e+zip", ".asice");

    private final String apiName;
    private final String mediaType;
    private final String extension;

    SignatureFormat(String apiName, String mediaType, String extension) {
        this.apiName = apiName;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String apiName() { return apiName; }
    public String mediaType() { return mediaType; }
    public String extension() { return extension; }

    /** The format named by the {@code format} part; 400 naming the field otherwise. */
    public static SignatureFormat parse(String value) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(value)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("UNKNOWN_FORMAT",
                        "format must be one of PAdES, XAdES, CAdES, ASiC-E", "format"));
    }
}
