-- Who stored which bytes through POST /api/v1/documents: the uploader may fetch them back. A row goes with its
-- bytes when the orphan sweeper deletes them (an upload alone does not keep bytes).
CREATE TABLE document_uploads (
    sha256       VARCHAR(64)  NOT NULL REFERENCES documents (sha256),
    user_id      VARCHAR(40)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sha256, user_id)
);

-- GET /api/v1/documents/{sha256} looks the hash up in every column that references a document.
CREATE INDEX dispatches_current_sha256 ON dispatches (current_sha256);
CREATE INDEX dispatch_attachments_sha256 ON dispatch_attachments (sha256);
CREATE INDEX dispatch_copies_sha256 ON dispatch_copies (sha256);
CREATE INDEX dossier_items_sha256 ON dossier_items (sha256);
CREATE INDEX incoming_files_sha256 ON incoming_files (sha256);
CREATE INDEX validations_document_sha256 ON validations (document_sha256);
