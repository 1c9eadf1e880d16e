CREATE TABLE `approval_delegations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approver` text NOT NULL,
	`delegate` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `approval_delegations_delegate_idx` ON `approval_delegations` (`delegate`);--> statement-breakpoint
CREATE TABLE `approval_policies` (
	`doc_type` text NOT NULL,
	`tier` integer NOT NULL,
	`min_amount` integer NOT NULL,
	`role` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`doc_type`, `tier`)
);
--> statement-breakpoint
CREATE TABLE `approval_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`doc_number` text NOT NULL,
	`amount` integer NOT NULL,
	`requested_by` text NOT NULL,
	`status` text NOT NULL,
	`summary` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer
);
--> statement-breakpoint
CREATE INDEX `approval_requests_doc_idx` ON `approval_requests` (`doc_type`,`doc_id`);--> statement-breakpoint
CREATE INDEX `approval_requests_status_idx` ON `approval_requests` (`status`);--> statement-breakpoint
CREATE TABLE `approval_steps` (
	`request_id` integer NOT NULL,
	`tier` integer NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`activated_at` integer,
	`reminded_at` integer,
	`escalated_at` integer,
	`decided_by` text,
	`on_behalf_of` text,
	`decided_at` integer,
	`reason` text,
	PRIMARY KEY(`request_id`, `tier`),
	FOREIGN KEY (`request_id`) REFERENCES `approval_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approval_steps_status_idx` ON `approval_steps` (`status`);--> statement-breakpoint
CREATE TABLE `document_sequences` (
	`doc_type` text PRIMARY KEY NOT NULL,
	`last_number` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`item_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`qty_delta` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`estimated_value` integer NOT NULL,
	`status` text NOT NULL,
	`requested_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`posted_at` integer,
	`move_id` integer,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_adjustments_number_unique` ON `stock_adjustments` (`number`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer,
	`dedupe_key` text NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`thread_key` text,
	`updates_delivery_id` integer,
	`template` text NOT NULL,
	`data` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`posted_channel` text,
	`ts` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `outbox_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_dedupe_key_unique` ON `deliveries` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `deliveries_due_idx` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `deliveries_event_idx` ON `deliveries` (`event_id`);--> statement-breakpoint
CREATE TABLE `department_channels` (
	`department` text PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `document_threads` (
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`delivery_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`doc_type`, `doc_id`)
);
--> statement-breakpoint
CREATE TABLE `outbox_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`doc_type` text,
	`doc_id` integer,
	`actor` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`dispatched_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_events_pending_idx` ON `outbox_events` (`id`) WHERE "outbox_events"."dispatched_at" is null;--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`event_type` text NOT NULL,
	`target` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`event_type`, `target`)
);
--> statement-breakpoint
CREATE TABLE `scheduled_runs` (
	`job` text NOT NULL,
	`period` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`error` text,
	PRIMARY KEY(`job`, `period`)
);
