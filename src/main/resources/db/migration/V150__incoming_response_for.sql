-- The document an incoming one answers, as its edXML names it (ResponseFor: the organ that issued it and its
-- DocumentId). When that organ is us, the dispatch is found by its document_id when the incoming one is shown.
CREATE TABLE incoming_response_for (
    incoming_id VARCHAR(40)  PRIMARY KEY,
    organ_id    VARCHAR(50)  NOT NULL,
    document_id VARCHAR(200) NOT NULL
);
