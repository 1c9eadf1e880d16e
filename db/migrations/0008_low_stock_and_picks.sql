CREATE TABLE `low_stock_checks` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`may_alert` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `low_stock_states` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`below` integer NOT NULL,
	`episode` integer NOT NULL,
	`alerted_at` integer,
	`snoozed_until` integer,
	`snoozed_by` text,
	`draft_po_id` integer,
	`drafted_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draft_po_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `low_stock_states_snoozed_idx` ON `low_stock_states` (`snoozed_until`) WHERE "low_stock_states"."snoozed_until" is not null;--> statement-breakpoint
CREATE INDEX `stock_moves_picks_idx` ON `stock_moves` (`location_id`,`at`,`item_id`) WHERE "stock_moves"."reason" = 'issue';--> statement-breakpoint
-- Low-stock checks are asked for by triggers, in the transaction of the change itself, so every
-- write path (moves, reservations, PO states, reorder points) is covered. Opening stock and
-- reorder point changes are configuration: they may re-arm an alert (may_alert 0) but not send one.
CREATE TRIGGER `low_stock_after_move` AFTER INSERT ON `stock_moves` WHEN NEW.`qty` <> 0
BEGIN
	INSERT INTO `low_stock_checks` (`item_id`, `may_alert`) VALUES (NEW.`item_id`, NEW.`reason` <> 'opening')
	ON CONFLICT (`item_id`) DO UPDATE SET `may_alert` = `may_alert` OR excluded.`may_alert`;
END;
--> statement-breakpoint
CREATE TRIGGER `low_stock_after_reserve` AFTER UPDATE OF `reserved` ON `stock_balances` WHEN NEW.`reserved` <> OLD.`reserved`
BEGIN
	INSERT INTO `low_stock_checks` (`item_id`, `may_alert`) VALUES (NEW.`item_id`, 1)
	ON CONFLICT (`item_id`) DO UPDATE SET `may_alert` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `low_stock_after_reserve_new` AFTER INSERT ON `stock_balances` WHEN NEW.`reserved` <> 0
BEGIN
	INSERT INTO `low_stock_checks` (`item_id`, `may_alert`) VALUES (NEW.`item_id`, 1)
	ON CONFLICT (`item_id`) DO UPDATE SET `may_alert` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `low_stock_after_po_status` AFTER UPDATE OF `status` ON `purchase_orders` WHEN NEW.`status` <> OLD.`status`
BEGIN
	INSERT INTO `low_stock_checks` (`item_id`, `may_alert`)
	SELECT DISTINCT `item_id`, 1 FROM `purchase_order_lines` WHERE `purchase_order_id` = NEW.`id`
	ON CONFLICT (`item_id`) DO UPDATE SET `may_alert` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `low_stock_after_reorder_point` AFTER UPDATE OF `reorder_point`, `archived` ON `items`
WHEN NEW.`reorder_point` IS NOT OLD.`reorder_point` OR NEW.`archived` <> OLD.`archived`
BEGIN
	INSERT INTO `low_stock_checks` (`item_id`, `may_alert`) VALUES (NEW.`id`, 0)
	ON CONFLICT (`item_id`) DO NOTHING;
END;
