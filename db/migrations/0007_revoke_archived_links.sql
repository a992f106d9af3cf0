-- Archiving now turns a patient's links off for good: links of patients archived before this change are turned off as of their archiving.
UPDATE `share_links` SET `revoked_at` = (SELECT `archived_at` FROM `patients` WHERE `patients`.`id` = `share_links`.`patient_id`)
WHERE `revoked_at` IS NULL AND `patient_id` IN (SELECT `id` FROM `patients` WHERE `archived_at` IS NOT NULL);
--> statement-breakpoint
-- Share-link misses have their own table now; the old rows only ever mattered for an hour.
DELETE FROM `sign_in_failures` WHERE `key` LIKE 'share-miss:%';
