package vn.vanthu.exchange;

import vn.vanthu.config.AppConfig;
import vn.vanthu.config.Profile;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.dispatch.EdXmlMessages;
import vn.vanthu.dispatch.EdXmlSender;
import vn.vanthu.incoming.ExchangeStatusDao;
import vn.vanthu.incoming.IncomingFeature;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.signing.SigningService;
import vn.vanthu.store.Database;
import vn.vanthu.store.Instance;
import vn.vanthu.users.UserService;

import java.time.Clock;

/**
 * The exchange between agencies, built in two steps because dispatch and incoming need parts of it first: the
 * directory ({@link Organs}) before dispatch (edXML To/OrganId), the status outbox ({@link #statuses()}) before
 * incoming (statuses 02-06 queued with each change); then {@link #create} the rest: send, deliveries, inbox,
 * the delivery worker.
 *
 * <pre>{@code
 * ExchangeFeature.Early early = ExchangeFeature.early(config, db, users, instance, clock);
 * … DispatchFeature.create(…, early.organs(), clock); IncomingFeature.create(…, early.statuses(), clock);
 * ExchangeFeature exchange = early.create(dispatch.service(), dispatch.messages(), incoming, signing, seal, users);
 * exchange.worker().start();
 * }</pre>
 */
public record ExchangeFeature(OrganController organs, ExchangeController controller, DeliveryWorker worker,
                              AnswerPagesController answerPages) {

    /** What is built before dispatch and incoming. */
    public record Early(AppConfig config, Database db, Instance instance, Organs organs, OutboxDao outbox, AnswerDao answerDao,
                        Clock clock) {
        public ExchangeStatusDao statuses() {
            return outbox;
        }

        /** Which dispatch answers each incoming document, for the handler's page. */
        public vn.vanthu.incoming.AnswerLookup answered() {
            return answerDao;
        }

        /** What each dispatch answers, for the edXML ResponseFor. */
        public EdXmlSender.ResponseLookup answers() {
            return answerDao;
        }

        /** The administrator's page of the directory. */
        public OrganPagesController pages() {
            return new OrganPagesController(organs, clock);
        }

        public ExchangeFeature create(DispatchService dispatches, EdXmlMessages messages, IncomingFeature incoming,
                                      SigningService signing, ServiceSeal seal, UserService users) {
            String own = config.agency().organId();
            var deliveries = new Deliveries(dispatches, organs, outbox, own);
            var inbox = new Inbox(organs, new InboxDao(db, instance), outbox, incoming.service(), own, clock);
            var client = new PartnerClient(PartnerClient.policy(config.outbound().allow(), config.profile() == Profile.DEV));
            var worker = new DeliveryWorker(outbox, organs, messages, new StatusMessages(config.agency(), signing, seal),
                    client, config.exchange(), own, clock);
            var answers = new Answers(dispatches, incoming.service(), answerDao, clock);
            return new ExchangeFeature(new OrganController(organs), new ExchangeController(deliveries, inbox, answers),
                    worker, new AnswerPagesController(answers, users, incoming.pages()));
        }
    }

    /** The outbox gives back the leases of dead instances now and at every heartbeat of {@code instance}. */
    public static Early early(AppConfig config, Database db, UserService users, Instance instance,
                              Clock clock) {
        OutboxDao outbox = new OutboxDao(db, clock, instance);
        instance.onBeat(outbox::releaseAbandoned);
        return new Early(config, db, instance, Organs.create(db, users, clock), outbox, new AnswerDao(db), clock);
    }
}
