-- Name search without a full scan: a trigram index over each patient's lower-cased name finds
-- any substring of three or more characters (the same matches as LIKE '%text%').
CREATE VIRTUAL TABLE patients_name_fts USING fts5(name_key, content='patients', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO patients_name_fts(patients_name_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER patients_name_fts_insert AFTER INSERT ON patients BEGIN
  INSERT INTO patients_name_fts(rowid, name_key) VALUES (new.id, new.name_key);
END;
--> statement-breakpoint
CREATE TRIGGER patients_name_fts_update AFTER UPDATE OF name_key ON patients BEGIN
  INSERT INTO patients_name_fts(patients_name_fts, rowid, name_key) VALUES ('delete', old.id, old.name_key);
  INSERT INTO patients_name_fts(rowid, name_key) VALUES (new.id, new.name_key);
END;
--> statement-breakpoint
CREATE TRIGGER patients_name_fts_delete AFTER DELETE ON patients BEGIN
  INSERT INTO patients_name_fts(patients_name_fts, rowid, name_key) VALUES ('delete', old.id, old.name_key);
END;
--> statement-breakpoint
-- Library search: words matched by prefix ("hams" finds hamstring) in the name, summary,
-- category and steps; the vocabulary view lets a misspelt word be matched to a near one.
CREATE VIRTUAL TABLE library_fts USING fts5(name, summary, category, steps, content='library_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO library_fts(library_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE library_fts_vocab USING fts5vocab(library_fts, 'row');
--> statement-breakpoint
CREATE TRIGGER library_fts_insert AFTER INSERT ON library_entries BEGIN
  INSERT INTO library_fts(rowid, name, summary, category, steps) VALUES (new.id, new.name, new.summary, new.category, new.steps);
END;
--> statement-breakpoint
CREATE TRIGGER library_fts_update AFTER UPDATE OF name, summary, category, steps ON library_entries BEGIN
  INSERT INTO library_fts(library_fts, rowid, name, summary, category, steps) VALUES ('delete', old.id, old.name, old.summary, old.category, old.steps);
  INSERT INTO library_fts(rowid, name, summary, category, steps) VALUES (new.id, new.name, new.summary, new.category, new.steps);
END;
--> statement-breakpoint
CREATE TRIGGER library_fts_delete AFTER DELETE ON library_entries BEGIN
  INSERT INTO library_fts(library_fts, rowid, name, summary, category, steps) VALUES ('delete', old.id, old.name, old.summary, old.category, old.steps);
END;
