-- Approvals of a year's dossier catalogue by the head of the agency (Decree 30 Art. 28): each approved version
-- with its decision and the PDF signed by the approver. Each replacement of a catalogue counts one revision; the
-- catalogue is approved while its latest approval was given to its current revision: a replacement needs a new one.
ALTER TABLE catalogues ADD COLUMN revision INT DEFAULT 0 NOT NULL;

CREATE TABLE catalogue_approvals (
    catalogue_year        INT          NOT NULL,
    version               INT          NOT NULL,
    catalogue_revision    INT          NOT NULL,
    decision_number       VARCHAR(50)  NOT NULL,
    decision_date         VARCHAR(10)  NOT NULL,
    place                 VARCHAR(100) NOT NULL,
    approver_position     VARCHAR(200) NOT NULL,
    approved_by           VARCHAR(40)  NOT NULL REFERENCES users (id),
    approved_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    pdf_sha256            VARCHAR(64)  NOT NULL,
    PRIMARY KEY (catalogue_year, version)
);
