package vn.vanthu.dossier;

import vn.vanthu.config.AppConfig;
import vn.vanthu.digitization.DigitizationService;
import vn.vanthu.digitization.DossierFiling;
import vn.vanthu.incoming.IncomingFeature;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.keys.KeyService;
import vn.vanthu.signing.SigningService;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.users.UserService;
import vn.vanthu.validation.ValidationService;

import java.time.Clock;

/**
 * The work-dossier feature, built once: the catalogue, dossiers, filing, closing with the sealed package, and
 * the packages whose renewal job runs while the service does; {@code digitizedFiling} files a digitization
 * batch's documents (the digitization feature is built first and reads it when a batch names a dossier);
 * {@code incomingFiling} files an incoming document from the handler's page (incoming is built first).
 */
public record DossierFeature(CatalogueController catalogues, DossierController dossiers, Packages packages,
                             DossierFiling digitizedFiling, DossierPagesController pages,
                             CataloguePagesController cataloguePages,
                             IncomingFilingController incomingFiling) {
    public static DossierFeature create(AppConfig config, Database db, DocumentStore documents, KeyService keys,
                                        SigningService signing, UserService users, ValidationService validation,
                                        DispatchService dispatches, DigitizationService digitizations,
                                        IncomingFeature incoming, Clock clock) {
        CatalogueService catalogue = new CatalogueService(db, config.agency(), clock);
        var dao = new DossierDao(db, clock);
        var service = new DossierService(dao, users, catalogue, config.agency(), config.dossiers(), clock);
        var packages = new Packages(service, dao, documents, signing, config.dossiers());
        var filing = new Filing(service, dao, dispatches, documents, validation);
        var digitized = new DigitizedFiling(filing, service, dao, digitizations);
        var closing = new Closing(service, dao, documents, keys, validation, signing);
        var controller = new DossierController(service, filing, closing, packages, new Exports(service, documents),
                digitized);
        var approvals = new CatalogueApprovals(db, catalogue, keys, signing, documents, config.agency(),
                config.dossiers().agencyHeads(), clock);
        return new DossierFeature(new CatalogueController(catalogue, approvals), controller, packages, digitized,
                new DossierPagesController(service, filing, closing, packages, dispatches, keys),
                new CataloguePagesController(catalogue, approvals, users, keys, clock),
                new IncomingFilingController(service, filing, incoming.service(), incoming.pages()));
    }
}
