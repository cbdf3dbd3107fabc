CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"province_code" text,
	"commune_code" text,
	"created_by" uuid,
	"dry_run" boolean NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"total_rows" integer,
	"file_name" text,
	"file" "bytea",
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "official_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "official_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"unit_id" integer,
	"position_id" integer,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assign_dates_chk" CHECK ("official_assignments"."to_date" is null or "official_assignments"."to_date" >= "official_assignments"."from_date")
);
--> statement-breakpoint
CREATE TABLE "official_flags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "official_flags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"flag" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"set_by" text,
	"set_reason" text,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_by" text,
	"cleared_reason" text,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "official_sensitive" (
	"official_id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"ethnicity_code" text,
	"religion_code" text,
	"code_list" text DEFAULT 'TCTK-QD121-2019' NOT NULL,
	"health_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "official_status_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "official_status_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"status" text NOT NULL,
	"from_date" date NOT NULL,
	"reason" text,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"unit_id" integer,
	"position_id" integer,
	"full_name" text COLLATE "vi-x-icu" NOT NULL,
	"given_name" text COLLATE "vi-x-icu" NOT NULL,
	"search_key" text GENERATED ALWAYS AS (f_unaccent(lower(full_name))) STORED,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"cccd" text,
	"email" text,
	"phone" text,
	"official_type" text NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	"leader_title" text,
	"bloc" text NOT NULL,
	"edu_level" text,
	"study_field" text,
	"study_field_name" text,
	"political_theory" text,
	"state_mgmt_level" text,
	"it_level" text,
	"foreign_language" text,
	"joined_at" date,
	"status" text DEFAULT 'dang_cong_tac' NOT NULL,
	"status_date" date,
	"meets_requirement_computed" boolean,
	"meets_requirement_override" boolean,
	"meets_requirement_reason" text,
	"below_standard" boolean DEFAULT false NOT NULL,
	"affected_by_reorg" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "officials_cccd_chk" CHECK ("officials"."cccd" is null or "officials"."cccd" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "positions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"province_code" text,
	"commune_code" text,
	"bloc" text,
	"official_type" text,
	"is_leader" boolean DEFAULT false NOT NULL,
	"required_edu_level" text,
	"required_study_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_programmes" text[] DEFAULT '{}'::text[] NOT NULL,
	"training_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "positions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "training_needs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"phase" integer NOT NULL,
	"programme_type" text NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"priority" integer NOT NULL,
	"reason" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_assignments" ADD CONSTRAINT "official_assignments_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_flags" ADD CONSTRAINT "official_flags_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_sensitive" ADD CONSTRAINT "official_sensitive_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_status_history" ADD CONSTRAINT "official_status_history_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assign_official_idx" ON "official_assignments" USING btree ("official_id","from_date");--> statement-breakpoint
CREATE INDEX "assign_commune_period_idx" ON "official_assignments" USING btree ("commune_code","from_date","to_date");--> statement-breakpoint
CREATE INDEX "assign_province_period_idx" ON "official_assignments" USING btree ("province_code","from_date","to_date");--> statement-breakpoint
CREATE INDEX "flags_official_idx" ON "official_flags" USING btree ("official_id","flag","from_date");--> statement-breakpoint
CREATE INDEX "flags_commune_idx" ON "official_flags" USING btree ("commune_code","flag","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "flags_open_uq" ON "official_flags" USING btree ("official_id","flag") WHERE "official_flags"."to_date" is null;--> statement-breakpoint
CREATE INDEX "status_hist_official_idx" ON "official_status_history" USING btree ("official_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "officials_cccd_uq" ON "officials" USING btree ("cccd") WHERE "officials"."cccd" is not null;--> statement-breakpoint
CREATE INDEX "officials_commune_sort_idx" ON "officials" USING btree ("commune_code","given_name","full_name","id");--> statement-breakpoint
CREATE INDEX "officials_province_sort_idx" ON "officials" USING btree ("province_code","given_name","full_name","id");--> statement-breakpoint
CREATE INDEX "officials_sort_idx" ON "officials" USING btree ("given_name","full_name","id");--> statement-breakpoint
CREATE INDEX "officials_search_idx" ON "officials" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "officials_match_idx" ON "officials" USING btree ("commune_code","birth_date");--> statement-breakpoint
CREATE INDEX "positions_scope_idx" ON "positions" USING btree ("level","province_code","commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "needs_uq" ON "training_needs" USING btree ("official_id","phase","programme_type","field");--> statement-breakpoint
CREATE INDEX "needs_commune_idx" ON "training_needs" USING btree ("commune_code","phase","status");--> statement-breakpoint
CREATE INDEX "needs_province_idx" ON "training_needs" USING btree ("province_code","phase","status");--> statement-breakpoint
CREATE INDEX "needs_priority_idx" ON "training_needs" USING btree ("commune_code","priority") WHERE "training_needs"."status" <> 'dropped';