CREATE TABLE `measure_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`measure` text NOT NULL,
	`context` text NOT NULL,
	`taken_on` text NOT NULL,
	`answers` text NOT NULL,
	`score` real NOT NULL,
	`source` text NOT NULL,
	`recorded_by` text NOT NULL,
	`plan_id` integer,
	`plan_week` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `measure_results_patient_idx` ON `measure_results` (`patient_id`,`measure`,`taken_on`);--> statement-breakpoint
CREATE INDEX `measure_results_plan_idx` ON `measure_results` (`plan_id`,`measure`,`plan_week`);--> statement-breakpoint
CREATE TABLE `measure_texts` (
	`measure` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plan_measure_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`measure` text NOT NULL,
	`weeks` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_measure_requests_plan_measure_idx` ON `plan_measure_requests` (`plan_id`,`measure`);