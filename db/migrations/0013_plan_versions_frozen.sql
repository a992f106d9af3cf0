-- An issued version is what the patient was given: it is never rewritten or removed.
CREATE TRIGGER plan_versions_no_update BEFORE UPDATE ON plan_versions
BEGIN
  SELECT RAISE(ABORT, 'issued plan versions cannot be changed');
END;
--> statement-breakpoint
-- The one exception: removing the fictional demo clinic (an admin's one-step "Remove all demo data").
CREATE TRIGGER plan_versions_no_delete BEFORE DELETE ON plan_versions
WHEN NOT EXISTS (SELECT 1 FROM plans p JOIN patients pt ON pt.id = p.patient_id WHERE p.id = old.plan_id AND pt.is_demo = 1)
BEGIN
  SELECT RAISE(ABORT, 'issued plan versions cannot be deleted');
END;
--> statement-breakpoint
-- Starter entries worked one side at a time (the seed sets the same flag on later runs).
UPDATE library_entries SET one_sided = 1 WHERE slug IN (
  'knee-to-chest-stretch', 'hamstring-stretch-lying', 'piriformis-stretch', 'hip-flexor-stretch',
  'upper-trapezius-stretch', 'levator-scapulae-stretch', 'neck-side-bend-stretch', 'seated-hamstring-stretch',
  'bird-dog', 'side-plank-knees', 'side-plank-feet', 'clamshell', 'open-book-rotation'
);
--> statement-breakpoint
-- Every active plan gets v1, the plan as its handout reads today. Built here in SQL so the
-- upgrade runs wherever migrations run (app start, scripts/migrate.ts, tests) in the same
-- transaction as the new table; tests/integration/plan-versions-migration.test.ts checks
-- the result against planDocumentSchema and the app's own document builder.
INSERT INTO plan_versions (plan_id, number, document, issued_by, issued_by_name, issued_at)
SELECT p.id, 1,
  json_object(
    'format', 'stride.plan-document/1',
    'title', p.title,
    'goal', p.goal,
    'startDate', p.start_date,
    'weeks', p.weeks,
    'precautions', p.precautions,
    'items', (
      SELECT json_group_array(json(item)) FROM (
        SELECT json_object(
          'kind', i.kind,
          'itemId', i.id,
          'dose', json(i.dose),
          'entry', json_object(
            'libraryEntryId', e.id,
            'slug', e.slug,
            'name', e.name,
            'plainName', e.plain_name,
            'category', e.category,
            'bodyRegions', json(e.body_regions),
            'summary', e.summary,
            'steps', json(e.steps),
            'cautions', json(e.cautions),
            'illustration', e.illustration,
            'illustrationAlt', e.illustration_alt,
            'oneSided', json(CASE WHEN e.one_sided THEN 'true' ELSE 'false' END)
          )
        ) AS item
        FROM plan_items i JOIN library_entries e ON e.id = i.library_entry_id
        WHERE i.plan_id = p.id
        ORDER BY i.position, i.id
      )
    )
  ),
  NULL, 'Stride upgrade (the plan as it was)', unixepoch()
FROM plans p
WHERE p.status = 'active' AND EXISTS (SELECT 1 FROM plan_items i WHERE i.plan_id = p.id);
