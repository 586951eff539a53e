-- The figures of electronic processing (figures/FiguresDao) read one period's records by these times, so a year
-- of figures reads that year's rows only, however many years the database holds. Runs unchanged on H2 2.x and
-- PostgreSQL 14+.
CREATE INDEX dispatches_issued_at ON dispatches (issued_at);
CREATE INDEX incoming_registered_at ON incoming (registered_at);
CREATE INDEX dossiers_created_at ON dossiers (created_at);
CREATE INDEX dossiers_closed_at ON dossiers (closed_at);
CREATE INDEX dossiers_submitted_at ON dossiers (submitted_at);
CREATE INDEX digitizations_created_at ON digitizations (created_at);
