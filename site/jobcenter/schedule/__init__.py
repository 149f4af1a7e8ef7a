"""When things happen: recurrence rules in plain words and as RRULEs, public holidays and the
center's closure days. Event series and cohorts both meet on the days a rule gives."""
