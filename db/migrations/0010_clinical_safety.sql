ALTER TABLE `library_entries` ADD `plain_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `library_entries` ADD `conflicts_with` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `patients` ADD `precautions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `patients` ADD `spine_surgery_date` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `precaution_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `plan_items` ADD `confirmed_conflicts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `plan_items` ADD `confirmed_by` text;--> statement-breakpoint
ALTER TABLE `plan_items` ADD `confirmed_at` integer;