CREATE TABLE `plan_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text,
	`owner_id` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`guideline` text DEFAULT '' NOT NULL,
	`last_reviewed` text DEFAULT '' NOT NULL,
	`document` text NOT NULL,
	`created_by_name` text DEFAULT '' NOT NULL,
	`retired_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_templates_slug_unique` ON `plan_templates` (`slug`);--> statement-breakpoint
CREATE INDEX `plan_templates_owner_idx` ON `plan_templates` (`owner_id`,`retired_at`);--> statement-breakpoint
ALTER TABLE `plans` ADD `template_id` integer REFERENCES plan_templates(id);