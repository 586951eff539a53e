-- The registers' search: the words of each registered document (lower-case, with and without diacritics, as
-- UTF-8 bytes so that a word's beginning is a range of the index under any collation), under its number. The
-- first index finds a word's documents in number order, the second checks the other words of one document.
CREATE TABLE register_words (
    series_kind  VARCHAR(20) NOT NULL,
    number_year  INT         NOT NULL,
    number_value BIGINT      NOT NULL,
    word         BYTEA       NOT NULL,
    PRIMARY KEY (series_kind, number_year, word, number_value)
);
CREATE INDEX register_words_document ON register_words (series_kind, number_year, number_value, word);

-- Rows registered before this migration get their words at start-up, a batch at a time after the id noted here,
-- until the source is done.
CREATE TABLE register_words_backfill (
    source   VARCHAR(20) PRIMARY KEY,
    after_id VARCHAR(40) NOT NULL,
    done     BOOLEAN     NOT NULL DEFAULT FALSE
);
INSERT INTO register_words_backfill (source, after_id) VALUES ('dispatches', '');
INSERT INTO register_words_backfill (source, after_id) VALUES ('incoming', '');
