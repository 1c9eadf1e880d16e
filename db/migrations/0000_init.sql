CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`name_zh` text,
	`contact` text,
	`phone` text,
	`email` text,
	`owner_user_id` text,
	`payment_terms_days` integer DEFAULT 30 NOT NULL,
	`credit_limit` integer,
	`archived` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_code_unique` ON `customers` ("code" collate nocase);--> statement-breakpoint
CREATE TABLE `item_aliases` (
	`item_id` integer NOT NULL,
	`alias` text NOT NULL,
	PRIMARY KEY(`item_id`, `alias`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `item_barcodes` (
	`barcode` text PRIMARY KEY NOT NULL,
	`item_id` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`name_zh` text,
	`category` text,
	`base_unit` text NOT NULL,
	`purchase_unit` text,
	`purchase_unit_factor` integer,
	`sales_unit` text,
	`sales_unit_factor` integer,
	`sale_price` integer,
	`reorder_point` integer,
	`reorder_qty` integer,
	`max_level` integer,
	`safety_stock` integer,
	`lead_time_days` integer,
	`default_supplier_id` integer,
	`valuation` text DEFAULT 'moving_average' NOT NULL,
	`tracks_lots` integer DEFAULT false NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`default_supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_sku_unique` ON `items` ("sku" collate nocase);--> statement-breakpoint
CREATE INDEX `items_name_idx` ON `items` (`name`);--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`name_zh` text,
	`contact` text,
	`phone` text,
	`email` text,
	`payment_terms_days` integer DEFAULT 30 NOT NULL,
	`lead_time_days` integer,
	`archived` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suppliers_code_unique` ON `suppliers` ("code" collate nocase);--> statement-breakpoint
CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`warehouse_id` integer NOT NULL,
	`code` text NOT NULL,
	`zone` text,
	`rank` integer,
	`capacity` integer,
	`archived` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `locations_warehouse_code_unique` ON `locations` (`warehouse_id`,"code" collate nocase);--> statement-breakpoint
CREATE TABLE `warehouses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`name_zh` text,
	`archived` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `warehouses_code_unique` ON `warehouses` ("code" collate nocase);--> statement-breakpoint
CREATE TABLE `cost_layers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`source_move_id` integer,
	`qty_remaining` integer NOT NULL,
	`value_remaining` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_move_id`) REFERENCES `stock_moves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cost_layers_open_idx` ON `cost_layers` (`item_id`,`qty_remaining`,`id`);--> statement-breakpoint
CREATE TABLE `item_valuations` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`qty` integer DEFAULT 0 NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`lot_no` text NOT NULL,
	`expires_on` text,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_item_lot_unique` ON `lots` (`item_id`,`lot_no`);--> statement-breakpoint
CREATE TABLE `stock_balances` (
	`item_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`lot_key` integer DEFAULT 0 NOT NULL,
	`on_hand` integer DEFAULT 0 NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`item_id`, `location_id`, `lot_key`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_balances_location_idx` ON `stock_balances` (`location_id`);--> statement-breakpoint
CREATE TABLE `stock_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`lot_id` integer,
	`qty` integer NOT NULL,
	`value` integer NOT NULL,
	`reason` text NOT NULL,
	`batch_id` text NOT NULL,
	`doc_type` text,
	`doc_id` integer,
	`note` text,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_moves_item_idx` ON `stock_moves` (`item_id`,`id`);--> statement-breakpoint
CREATE INDEX `stock_moves_doc_idx` ON `stock_moves` (`doc_type`,`doc_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `company_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `processed_events` (
	`event_id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `role_assignments` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`granted_by` text NOT NULL,
	`granted_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `role`)
);
--> statement-breakpoint
CREATE TABLE `user_settings` (
	`slack_user_id` text PRIMARY KEY NOT NULL,
	`language` text,
	`platform_locale` text,
	`platform_locale_fetched_at` integer,
	`updated_at` integer NOT NULL
);
