-- The numbering series layout of a year as the head of the agency decided it (Decree 30 Art. 15), as JSON
-- {"series":[{"code","types":[…],"legalNormative"}],"secret":{"code","symbolSuffix"}}. A year without a row uses
-- the default layout: one series for every type (OUTGOING) and the secret series (SECRET, symbol group M).
CREATE TABLE numbering_layouts (
    layout_year INT           PRIMARY KEY,
    layout      VARCHAR(8000) NOT NULL,
    updated_by  VARCHAR(40)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Number + symbol, and so the document identifier, never repeat within a year across all series.
CREATE UNIQUE INDEX dispatches_number_symbol ON dispatches (number_year, code_number, code_notation);
CREATE UNIQUE INDEX dispatches_document_id ON dispatches (document_id);
