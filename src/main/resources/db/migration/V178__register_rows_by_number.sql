-- A page of a register reads its rows by number: "series and year are these, the number is one of the page's 200"
-- (dispatch/RegisterDao, incoming/IncomingRegisterDao). H2 looks a list of values up in an index only when the
-- list's column comes first in it; behind the series and year of the register indexes (V160) it read every row of
-- the series and compared each with the whole list (about 300 ms of CPU a page at 100,000 documents). With the
-- number first, each of the page's numbers is one lookup, on H2 as on PostgreSQL. Runs unchanged on both.
CREATE INDEX dispatches_number_value ON dispatches (number_value);
CREATE INDEX incoming_number_value ON incoming (incoming_number);
-- The lists of incoming documents ask which dispatches answer the documents of their page (exchange/AnswerDao):
-- by the incoming document, which no index began with.
CREATE INDEX exchange_answers_incoming ON exchange_answers (incoming_id);

-- How many documents each register (series and year) holds, kept in the transaction that issues or registers a
-- document (store/RegisterCounts): a register page shows its total without counting the year's rows on every
-- request, and a search kept for paging (store/RegisterSearches) knows the register has not changed. Registers
-- only grow: a document once issued or registered stays in its register with its number.
CREATE TABLE register_counts (
    series_kind VARCHAR(20) NOT NULL,
    number_year INT         NOT NULL,
    registered  BIGINT      NOT NULL,
    PRIMARY KEY (series_kind, number_year)
);
INSERT INTO register_counts (series_kind, number_year, registered)
    SELECT series_kind, number_year, COUNT(*) FROM dispatches WHERE status = 'ISSUED' GROUP BY series_kind, number_year;
INSERT INTO register_counts (series_kind, number_year, registered)
    SELECT series_kind, number_year, COUNT(*) FROM incoming WHERE series_kind IS NOT NULL GROUP BY series_kind, number_year;
