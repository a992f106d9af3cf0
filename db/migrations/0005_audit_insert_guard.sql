-- INSERT OR REPLACE deletes the old row without firing the delete trigger, so an
-- insert that names an id already in the log is refused here instead.
CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'audit rows cannot be replaced');
END;
--> statement-breakpoint
-- Installs seeded before demo records were flagged: the demo seed only ever used
-- this reserved domain and this patient name, so mark those as demo data.
UPDATE users SET is_demo = 1 WHERE email LIKE '%@riverside-demo.example';
--> statement-breakpoint
UPDATE patients SET is_demo = 1 WHERE name = 'Dana Whitfield (demo)' AND notes = 'Fictional demo patient.';
