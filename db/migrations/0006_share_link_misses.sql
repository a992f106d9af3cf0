CREATE TABLE `share_link_misses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `share_link_misses_address_idx` ON `share_link_misses` (`address`,`at`);--> statement-breakpoint
CREATE INDEX `share_link_misses_at_idx` ON `share_link_misses` (`at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_at_idx` ON `sign_in_failures` (`at`);