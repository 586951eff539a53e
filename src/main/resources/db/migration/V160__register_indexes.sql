-- The outgoing register reads one year's issued dispatches in number order a page at a time and counts them: an
-- index whose columns are the whole filter and the order, so that a count and a page's offset never read the rows.
CREATE INDEX dispatches_register ON dispatches (number_year, status, series_kind, number_value);
