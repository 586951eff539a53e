-- The dossier catalogue (danh mục hồ sơ) of each year (issue 6, Decree 30/2020 Art. 28). A PUT replaces a year's
-- headings and rows in one transaction. Runs unchanged on H2 2.x and PostgreSQL 14+.
CREATE TABLE catalogues (
    catalogue_year  INT          PRIMARY KEY,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(40)  NOT NULL REFERENCES users (id)
);

-- Headings in print order, each with its Roman numeral (I, II, …).
CREATE TABLE catalogue_headings (
    catalogue_year  INT          NOT NULL REFERENCES catalogues (catalogue_year),
    ordinal         INT          NOT NULL,
    numeral         VARCHAR(20)  NOT NULL,
    title           VARCHAR(500) NOT NULL,
    PRIMARY KEY (catalogue_year, ordinal)
);
CREATE UNIQUE INDEX catalogue_headings_numeral ON catalogue_headings (catalogue_year, numeral);

-- Dossier rows under their heading. retention: PERMANENT or <n>Y (n = 1-99 years).
CREATE TABLE catalogue_rows (
    catalogue_year       INT           NOT NULL,
    heading_ordinal      INT           NOT NULL,
    ordinal              INT           NOT NULL,
    symbol               VARCHAR(50)   NOT NULL,
    title                VARCHAR(500)  NOT NULL,
    retention            VARCHAR(10)   NOT NULL,
    responsible_user_id  VARCHAR(40)   NOT NULL REFERENCES users (id),
    notes                VARCHAR(1000),
    PRIMARY KEY (catalogue_year, heading_ordinal, ordinal),
    FOREIGN KEY (catalogue_year, heading_ordinal) REFERENCES catalogue_headings (catalogue_year, ordinal)
);
-- A dossier symbol is unique within the year.
CREATE UNIQUE INDEX catalogue_rows_symbol ON catalogue_rows (catalogue_year, symbol);
