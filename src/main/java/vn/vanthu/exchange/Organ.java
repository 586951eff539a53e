package vn.vanthu.exchange;

import java.time.OffsetDateTime;

/**
 * A partner organ of the directory: its identifier (mã định danh), name, the inbox its documents go to, the
 * certificate its seal signs with and the anchor that certificate chains to; whether we hold the bearer token it
 * issued us for its inbox (never the token itself), and the local account its deliveries to us authenticate as.
 *
 * <pre>{@code organ.inboxUrl()   // "https://vanthu.snv.thaibinh.gov.vn/api/v1/exchange/inbox"}</pre>
 */
record Organ(String organId, String name, String inboxUrl, String certificate, String anchor,
             boolean hasInboxToken, String partnerUserId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
