-- Items gain a publication date and a venue (syncproto.Item published, venue). Items live as JSON in items.data,
-- so no column changes: rows stored before get both as empty text, so that a pull (which sends the stored JSON as
-- it is) gives every item the same fields. Idempotent: a row that has them is left alone. Versions do not move:
-- the values are the ones the rows already meant.
UPDATE items SET data = json_set(data, '$.published', '', '$.venue', '')
WHERE deleted = 0 AND json_type(data, '$.published') IS NULL;
