package vn.vanthu.dossier;

/** One file of an archival package: its path inside the ZIP and the stored bytes it holds. */
record PackageEntry(String name, String sha256, long size, String mediaType) {

    static final String METS = "METS.xml";
    static final String SEAL = "META-INF/signatures.xml";
    static final String DATA = "representations/rep1/data/";
}
