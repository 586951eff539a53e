-- Long-running jobs and the digitization of paper records. Runs unchanged on H2 2.x and PostgreSQL 14+.
-- A job's errors are a JSON array of {code, message}; heartbeat_at is touched while an instance holds the job,
-- so a job whose instance died reads as FAILED (JOB_INTERRUPTED) instead of RUNNING for ever.
CREATE TABLE jobs (
    id            VARCHAR(40)   PRIMARY KEY,
    kind          VARCHAR(40)   NOT NULL,
    state         VARCHAR(10)   NOT NULL,
    done_count    INT           NOT NULL,
    total_count   INT           NOT NULL,
    errors        VARCHAR(8000) NOT NULL,
    created_by    VARCHAR(40)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX jobs_state ON jobs (state);

-- One paper document digitized: the clerk's metadata, the OCR's suggestions (never applied on their own) and,
-- once its job is DONE, the searchable PDF/A in the document store.
CREATE TABLE digitizations (
    id             VARCHAR(40)   PRIMARY KEY,
    job_id         VARCHAR(40)   NOT NULL REFERENCES jobs (id),
    number_symbol  VARCHAR(100),
    document_date  VARCHAR(10),
    issuing_organ  VARCHAR(500),
    document_type  VARCHAR(100),
    subject        VARCHAR(2000),
    paper_pages    INT           NOT NULL,
    result_sha256  VARCHAR(64)   REFERENCES documents (sha256),
    suggestions    VARCHAR(4000),
    created_by     VARCHAR(40)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX digitizations_job ON digitizations (job_id);
