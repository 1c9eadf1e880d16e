CREATE TABLE `change_counters` (
	`id` integer PRIMARY KEY NOT NULL,
	`catalogue` integer DEFAULT 0 NOT NULL,
	`roles` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO `change_counters` (`id`, `catalogue`, `roles`) VALUES (1, 0, 0);--> statement-breakpoint
-- Every write to the catalogue or the roles moves a counter in the same transaction, whoever makes it
-- (this process, the command line, another server), so in-memory copies notice with one read.
CREATE TRIGGER `items_insert_counts` AFTER INSERT ON `items`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `items_update_counts` AFTER UPDATE ON `items`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `items_delete_counts` AFTER DELETE ON `items`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `item_aliases_insert_counts` AFTER INSERT ON `item_aliases`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `item_aliases_update_counts` AFTER UPDATE ON `item_aliases`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `item_aliases_delete_counts` AFTER DELETE ON `item_aliases`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `item_barcodes_insert_counts` AFTER INSERT ON `item_barcodes`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `item_barcodes_update_counts` AFTER UPDATE ON `item_barcodes`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `item_barcodes_delete_counts` AFTER DELETE ON `item_barcodes`
BEGIN
	UPDATE `change_counters` SET `catalogue` = `catalogue` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_assignments_insert_counts` AFTER INSERT ON `role_assignments`
BEGIN
	UPDATE `change_counters` SET `roles` = `roles` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_assignments_update_counts` AFTER UPDATE ON `role_assignments`
BEGIN
	UPDATE `change_counters` SET `roles` = `roles` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_assignments_delete_counts` AFTER DELETE ON `role_assignments`
BEGIN
	UPDATE `change_counters` SET `roles` = `roles` + 1 WHERE `id` = 1;
END;
