package vn.vanthu.dossier;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports of a dossier for reading and for other systems: {@code export.pdf} (the table of contents, then every
 * PDF document in chronological order; a reading copy, said so on its first page: the documents' signatures are
 * flattened to images by {@link ReadingCopy}, so no signature field, valid or broken, carries over) and
 * {@code export.xml} (all dossier and document metadata, and the history).
 *
 * <pre>{@code exports.pdf(dossierId, response); byte[] xml = exports.xml(dossierId);}</pre>
 */
public final class Exports {
    private final DossierService dossiers;
    private final DocumentStore store;

    public Exports(DossierService dossiers, DocumentStore store) {
        this.dossiers = dossiers;
        this.store = store;
    }

    public byte[] xml(String id) {
        Dossier d = dossiers.get(id);
        List<Dossier.Item> items = dossiers.items(id);
        XmlOut x = new XmlOut(PackageContents.VANTHU_NS, "DossierExport");
        x.open("Dossier");
        List<Dossier.Event> history = dossiers.history(id);
        String closedBy = history.stream().filter(e -> e.action().startsWith("CLOSED")).map(Dossier.Event::userId)
                .findFirst().orElse(null);
        DossierXml.dossier(x, d, items, dossiers.agency().name(), dossiers.names(d, closedBy), d.closedAt(), closedBy,
                d.forcedReason());
        x.close().open("Documents");
        DossierXml.documents(x, d, items, null);
        x.close().open("History");
        for (Dossier.Event e : history) {
            x.open("Event").leaf("At", PackageContents.iso(e.at())).leaf("UserId", e.userId())
                    .leaf("Action", e.action()).leaf("Details", e.details()).close();
        }
        x.close();
        return x.finish();
    }

    /** Writes the export PDF; pages are merged through temporary files, so the heap stays small. */
    public void pdf(String id, OutputStream out) throws IOException {
        Dossier d = dossiers.get(id);
        List<Dossier.Item> items = dossiers.items(id);
        PDFMergerUtility merger = new PDFMergerUtility();
        List<Path> temps = new ArrayList<>();
        Path result = TempFiles.create("export");
        try {
            merger.addSource(new RandomAccessReadBuffer(TableOfContents.pdf(d, items, dossiers.agency().name(), ReadingCopy.NOTE)));
            for (Dossier.Item it : items) {
                if (it.pageCount() > 0) {
                    Path p = store.copyToTempFile(it.sha256());
                    temps.add(p);
                    ReadingCopy.flatten(p);
                    merger.addSource(p.toFile());
                }
            }
            merger.setDestinationFileName(result.toString());
            merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
            try (InputStream in = Files.newInputStream(result)) {
                in.transferTo(out);
            }
        } finally {
            temps.forEach(TempFiles::delete);
            TempFiles.delete(result);
        }
    }
}
