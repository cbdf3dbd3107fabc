CREATE TABLE "key_task_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_task_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"on_date" date NOT NULL,
	"actor_name" text NOT NULL,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "key_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"level" text NOT NULL,
	"province_code" text,
	"commune_code" text,
	"seed_key" text,
	"group_name" text,
	"order_no" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"person_in_charge" text NOT NULL,
	"lead_agency" text NOT NULL,
	"cooperating_agencies" text,
	"expected_output" text NOT NULL,
	"deadline" date NOT NULL,
	"deadline_text" text,
	"authority" text NOT NULL,
	"status" text DEFAULT 'chua_bat_dau' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"last_note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "key_tasks_seed_key_unique" UNIQUE("seed_key"),
	CONSTRAINT "key_tasks_progress_chk" CHECK ("key_tasks"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "report_builds" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"stage" text,
	"file_name" text,
	"content" "bytea",
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"action" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "report_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"requester_level" text NOT NULL,
	"requester_province_code" text,
	"deadline" date NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"request_id" integer,
	"level" text NOT NULL,
	"province_code" text,
	"commune_code" text,
	"scope_key" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"document_no" text,
	"place_name" text,
	"signer_name" text,
	"signer_title" text,
	"recipients" text,
	"snapshot" jsonb,
	"snapshot_as_of" date,
	"submitted_on" date,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"submit_count" integer DEFAULT 0 NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"review_comment" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reports_scope_chk" CHECK (("reports"."level" = 'nation') or ("reports"."level" = 'province' and "reports"."province_code" is not null) or ("reports"."level" = 'commune' and "reports"."commune_code" is not null))
);
--> statement-breakpoint
ALTER TABLE "key_task_updates" ADD CONSTRAINT "key_task_updates_task_id_key_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."key_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_builds" ADD CONSTRAINT "report_builds_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_request_id_report_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."report_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_task_updates_task_idx" ON "key_task_updates" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "key_tasks_scope_idx" ON "key_tasks" USING btree ("level","province_code","commune_code");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "report_requests_requester_idx" ON "report_requests" USING btree ("requester_level","requester_province_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "report_requests_annual_uq" ON "report_requests" USING btree ("kind","year","requester_level",coalesce("requester_province_code", '')) WHERE "report_requests"."kind" <> 'adhoc';--> statement-breakpoint
CREATE UNIQUE INDEX "reports_periodic_uq" ON "reports" USING btree ("kind","year","scope_key") WHERE "reports"."request_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_request_uq" ON "reports" USING btree ("request_id","scope_key") WHERE "reports"."request_id" is not null;--> statement-breakpoint
CREATE INDEX "reports_province_idx" ON "reports" USING btree ("province_code","year");