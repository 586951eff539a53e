package vn.vanthu.incoming;

import vn.vanthu.config.AppConfig;
import vn.vanthu.digitization.DigitizationService;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.dispatch.NumberSeries;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.RegisterWords;
import vn.vanthu.users.UserService;
import vn.vanthu.validation.ValidationService;

import java.time.Clock;
import java.time.Duration;

/**
 * The incoming-documents feature, built once in {@code App}: receiving with validation, the incoming register
 * and its numbers (the same {@link NumberSeries} machinery as outgoing numbers), direction, handling, tracking.
 *
 * <pre>{@code IncomingFeature incoming = IncomingFeature.create(config, db, documents, validation.service(),
 *         users.service(), dispatch.service(), digitization.service(), ExchangeStatusDao.NONE, AnswerLookup.NONE, clock);}</pre>
 */
public record IncomingFeature(IncomingService service, IncomingController controller, IncomingPagesController pages) {
    private static final Duration NUMBER_LEASE = Duration.ofMinutes(2);

    public static IncomingFeature create(AppConfig config, Database db, DocumentStore documents,
                                         ValidationService validation, UserService users, DispatchService dispatches,
                                         DigitizationService digitizations, ExchangeStatusDao statuses,
                                         AnswerLookup answers, Clock clock) {
        var dao = new IncomingDao(db, statuses);
        var service = new IncomingService(dao, new ResponseForDao(db, config.agency().organId()), documents, validation, new NumberSeries(db, clock, NUMBER_LEASE),
                config.agency(), clock);
        var handling = new HandlingService(service, dao, users, dispatches);
        var registerDao = new IncomingRegisterDao(db);
        RegisterWords.backfillAll(db, "incoming", registerDao::backfill);
        var register = new IncomingRegister(registerDao, config.agency().name(), clock);
        var controller = new IncomingController(service, handling, register, new Tracking(service, handling),
                new DigitizedArrival(digitizations, validation));
        return new IncomingFeature(service, controller, new IncomingPagesController(service, handling, register, users,
                new IncomingPagesController.Answered(answers, dispatches)));
    }
}
