CREATE TABLE `plan_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`number` integer NOT NULL,
	`document` text NOT NULL,
	`issued_by` text,
	`issued_by_name` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_versions_plan_number_idx` ON `plan_versions` (`plan_id`,`number`);--> statement-breakpoint
ALTER TABLE `item_logs` ADD `plan_version` integer;--> statement-breakpoint
ALTER TABLE `library_entries` ADD `one_sided` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `pain_logs` ADD `plan_version` integer;