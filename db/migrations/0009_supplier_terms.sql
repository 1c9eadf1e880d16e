CREATE TABLE `supplier_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supplier_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`supplier_sku` text,
	`moq` integer,
	`pack_size` integer,
	`lead_time_days` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supplier_items_supplier_item_unique` ON `supplier_items` (`supplier_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `supplier_items_item_idx` ON `supplier_items` (`item_id`);--> statement-breakpoint
CREATE TABLE `supplier_prices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supplier_item_id` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`valid_from` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`supplier_item_id`) REFERENCES `supplier_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supplier_prices_valid_from_unique` ON `supplier_prices` (`supplier_item_id`,`valid_from`);--> statement-breakpoint
ALTER TABLE `suppliers` ADD `quality_notes` text;