CREATE TABLE `stocktake_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`snapshot_qty` integer NOT NULL,
	`snapshot_move_id` integer NOT NULL,
	`counted_qty` integer,
	`counted_by` text,
	`counted_at` integer,
	`counted_move_id` integer,
	`moved_qty` integer,
	`expected_qty` integer,
	`variance_qty` integer,
	`variance_value` integer,
	`posting` text DEFAULT 'none' NOT NULL,
	`move_id` integer,
	`posted_value` integer,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`move_id`) REFERENCES `stock_moves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocktake_lines_line_unique` ON `stocktake_lines` (`stocktake_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `stocktake_lines_place_idx` ON `stocktake_lines` (`item_id`,`location_id`);--> statement-breakpoint
CREATE TABLE `stocktakes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`warehouse_id` integer NOT NULL,
	`scope` text NOT NULL,
	`scope_label` text NOT NULL,
	`status` text NOT NULL,
	`started_by` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_by` text,
	`finished_at` integer,
	`closed_at` integer,
	`lines_counted` integer,
	`lines_exact` integer,
	`expected_value` integer,
	`variance_value` integer,
	`variance_abs` integer,
	`line_accuracy_bp` integer,
	`value_accuracy_bp` integer,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocktakes_number_unique` ON `stocktakes` (`number`);--> statement-breakpoint
CREATE INDEX `stocktakes_status_idx` ON `stocktakes` (`status`);