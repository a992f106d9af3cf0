CREATE INDEX `audit_events_actor_id_idx` ON `audit_events` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_patient_id_idx` ON `audit_events` (`patient_id`,`id`);