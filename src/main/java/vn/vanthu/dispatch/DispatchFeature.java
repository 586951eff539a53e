package vn.vanthu.dispatch;

import vn.vanthu.config.AppConfig;
import vn.vanthu.digitization.DigitizationService;
import vn.vanthu.documents.Thumbnails;
import vn.vanthu.keys.KeyService;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.signing.SigningFeature;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.Instance;
import vn.vanthu.store.RegisterWords;
import vn.vanthu.users.UserService;

import java.time.Clock;
import java.time.Duration;

/**
 * The outgoing-documents feature, built once: drafts, signing by the official, numbering, issuing, the register,
 * edXML and copies, over one {@link DispatchService} and one {@link NumberSeries}.
 */
public record DispatchFeature(DispatchService service, DispatchController dispatches, CopyController copies,
                              NumberingController numbering, DispatchPagesController pages,
                              EdXmlMessages messages, NumberingPagesController numberingPages) {
    private static final Duration NUMBER_LEASE = Duration.ofMinutes(10);

    public static DispatchFeature create(AppConfig config, Database db, DocumentStore documents, KeyService keys,
                                         SigningFeature signing, UserService users, ServiceSeal seal,
                                         Instance instance, DigitizationService digitizations,
                                         OrganDirectory directory, EdXmlSender.ResponseLookup responses,
                                         Thumbnails pictures, Clock clock) {
        var dao = new DispatchDao(db, clock);
        var numbering = new Numbering(db, clock);
        var dispatches = new DispatchService(dao, documents, keys, signing.service(), users, config.agency(), clock,
                DispatchAccess.of(config.access().secretRoles()), numbering, new FiledDao(db));
        var numbers = new NumberSeries(db, clock, NUMBER_LEASE, instance);
        instance.onBeat(numbers::releaseAbandoned);   // now (numbers of a killed predecessor), then every heartbeat
        var messages = new EdXmlMessages(dispatches, dao, signing.service(), seal,
                new EdXmlSender(config.agency(), config.exchange(), directory, responses));
        var sending = new Sending(dao, config.agency().holidays(), clock);
        var sealing = new Sealing(dispatches, numbers, documents, keys, signing.service(), clock);
        var issuing = new Issuing(sealing, dao, messages);
        var registerDao = new RegisterDao(db);
        RegisterWords.backfillAll(db, "dispatches", registerDao::backfill);
        var register = new Register(dispatches, registerDao, numbers, sending, directory);
        var controller = new DispatchController(dispatches, sending, issuing, register,
                new DispatchTwoStep(dispatches, dao, signing.twoStep()), messages);
        var copies = new CopyController(new Copies(sealing, dao, digitizations));
        return new DispatchFeature(dispatches, controller, copies, new NumberingController(numbering),
                new DispatchPagesController(dispatches, issuing, register, keys,
                new DraftPreview(dispatches, issuing, pictures)), messages,
                new NumberingPagesController(numbering, numbers, config.agency().abbreviation()));
    }
}
