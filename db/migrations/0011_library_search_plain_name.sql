-- Library search also finds an entry by its plain subtitle ("buttock stretch"): the index gains that column.
DROP TRIGGER library_fts_insert;
--> statement-breakpoint
DROP TRIGGER library_fts_update;
--> statement-breakpoint
DROP TRIGGER library_fts_delete;
--> statement-breakpoint
DROP TABLE library_fts_vocab;
--> statement-breakpoint
DROP TABLE library_fts;
--> statement-breakpoint
CREATE VIRTUAL TABLE library_fts USING fts5(name, plain_name, summary, category, steps, content='library_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO library_fts(library_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE library_fts_vocab USING fts5vocab(library_fts, 'row');
--> statement-breakpoint
CREATE TRIGGER library_fts_insert AFTER INSERT ON library_entries BEGIN
  INSERT INTO library_fts(rowid, name, plain_name, summary, category, steps) VALUES (new.id, new.name, new.plain_name, new.summary, new.category, new.steps);
END;
--> statement-breakpoint
CREATE TRIGGER library_fts_update AFTER UPDATE OF name, plain_name, summary, category, steps ON library_entries BEGIN
  INSERT INTO library_fts(library_fts, rowid, name, plain_name, summary, category, steps) VALUES ('delete', old.id, old.name, old.plain_name, old.summary, old.category, old.steps);
  INSERT INTO library_fts(rowid, name, plain_name, summary, category, steps) VALUES (new.id, new.name, new.plain_name, new.summary, new.category, new.steps);
END;
--> statement-breakpoint
CREATE TRIGGER library_fts_delete AFTER DELETE ON library_entries BEGIN
  INSERT INTO library_fts(library_fts, rowid, name, plain_name, summary, category, steps) VALUES ('delete', old.id, old.name, old.plain_name, old.summary, old.category, old.steps);
END;
