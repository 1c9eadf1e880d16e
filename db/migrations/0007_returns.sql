CREATE TABLE `reject_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`goods_receipt_line_id` integer NOT NULL,
	`purchase_order_line_id` integer NOT NULL,
	`decision` text NOT NULL,
	`qty` integer NOT NULL,
	`number` text,
	`location_id` integer,
	`move_id` integer,
	`decided_by` text NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`goods_receipt_line_id`) REFERENCES `goods_receipt_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_order_line_id`) REFERENCES `purchase_order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`move_id`) REFERENCES `stock_moves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reject_decisions_receipt_line_idx` ON `reject_decisions` (`goods_receipt_line_id`);--> statement-breakpoint
CREATE INDEX `reject_decisions_po_line_idx` ON `reject_decisions` (`purchase_order_line_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reject_decisions_number_unique` ON `reject_decisions` (`number`);--> statement-breakpoint
ALTER TABLE `goods_receipts` ADD `status` text DEFAULT 'posted' NOT NULL;