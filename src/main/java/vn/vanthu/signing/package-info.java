/**
 * Signing: PAdES, XAdES (enveloped, enveloping, detached), CAdES (enveloping, detached) and ASiC-E at
 * ETSI baseline levels B, T, LT and LTA; sequential PDF signatures by incremental update; two-step signing for
 * client-held keys; augmentation of signed files.
 *
 * <p>Layout (what / with which key / how): a {@link vn.vanthu.signing.SignRequest} over
 * {@link vn.vanthu.signing.SignDocument}s is what to sign; a {@link vn.vanthu.signing.SigningKey} (PKCS#12 or PKCS#11,
 * opened by the keys feature through {@link vn.vanthu.signing.KeyVault}; or held by the client in two steps:
 * {@code prepare} → {@link vn.vanthu.signing.DataToSign} → {@code complete}) signs; {@code PadesSigner},
 * {@code DocumentSigner} (XAdES, CAdES) and {@code AsicSigner} know how each format is written, chosen from an
 * {@code EnumMap}. The result is a {@link vn.vanthu.signing.SignedDocument}. No DSS type appears in these public
 * types: the other features sign through them alone.
 *
 * <p>Notes:
 * <ul>
 *   <li>PAdES uses PDFBox's native object factory ({@code PdfBoxNativeObjectFactory}): it draws visible
 *   signatures about twice as fast as DSS's default PDFBox factory (see {@code SigningBench}). Large PDFs
 *   (&gt; 16 MB) use a second factory with DSS's mixed PDF memory setting and temporary-file output.</li>
 *   <li>Visible text is set in Liberation Serif ({@code fonts/LiberationSerif-Regular.ttf}, SIL OFL 1.1, licence
 *   in {@code fonts/LICENSE-LiberationSerif.txt}), embedded as a subset, so Vietnamese renders everywhere.</li>
 *   <li>The signer's certificate is checked before signing (validity period, key usage, OCSP/CRL revocation);
 *   a failure is 422 {@code CERTIFICATE_NOT_USABLE} and nothing is produced.</li>
 *   <li>DSS sources: the constructor takes a {@code Supplier<CertificateVerifier>} and a {@code TSPSource};
 *   the app passes the trust package's signing verifier (always fetching revocation data, through its cache;
 *   the development PKI answers in-process) and its TSA.</li>
 * </ul>
 */
package vn.vanthu.signing;
