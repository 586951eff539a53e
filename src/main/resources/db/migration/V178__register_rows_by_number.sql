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
