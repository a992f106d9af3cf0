ALTER TABLE `plan_items` ADD `phase_id` text;--> statement-breakpoint
ALTER TABLE `plans` ADD `phases` text DEFAULT '[]' NOT NULL;