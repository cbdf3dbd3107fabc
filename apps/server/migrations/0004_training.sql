CREATE TABLE "attendance" (
	"enrolment_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"status" text NOT NULL,
	"bridge_point_id" integer,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_enrolment_id_session_id_pk" PRIMARY KEY("enrolment_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "bridge_points" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bridge_points_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"province_code" text,
	"commune_code" text,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"enrolment_id" integer NOT NULL,
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"class_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"issuer_id" integer NOT NULL,
	"issued_on" date NOT NULL,
	"payload" jsonb NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by" text,
	CONSTRAINT "certificates_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "class_communes" (
	"class_id" integer NOT NULL,
	"commune_code" text NOT NULL,
	"province_code" text NOT NULL,
	CONSTRAINT "class_communes_class_id_commune_code_pk" PRIMARY KEY("class_id","commune_code")
);
--> statement-breakpoint
CREATE TABLE "class_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "class_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"place" text,
	"link" text,
	"topic" text,
	"instructor_id" integer
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"programme_id" integer NOT NULL,
	"programme_type" text NOT NULL,
	"organiser_id" integer NOT NULL,
	"province_code" text,
	"host_commune_code" text,
	"plan_id" integer,
	"mode" text NOT NULL,
	"schedule_type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"capacity" integer NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"requires_unit_head_approval" boolean DEFAULT false NOT NULL,
	"budget_planned_central" numeric(14, 0) DEFAULT 0 NOT NULL,
	"budget_planned_local" numeric(14, 0) DEFAULT 0 NOT NULL,
	"budget_planned_sponsor" numeric(14, 0) DEFAULT 0 NOT NULL,
	"budget_actual_central" numeric(14, 0) DEFAULT 0 NOT NULL,
	"budget_actual_local" numeric(14, 0) DEFAULT 0 NOT NULL,
	"budget_actual_sponsor" numeric(14, 0) DEFAULT 0 NOT NULL,
	"support_per_learner" numeric(12, 0) DEFAULT 0 NOT NULL,
	"assessment_count" integer DEFAULT 1 NOT NULL,
	"imported" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "classes_code_unique" UNIQUE("code"),
	CONSTRAINT "classes_dates_chk" CHECK ("classes"."end_date" >= "classes"."start_date"),
	CONSTRAINT "classes_capacity_chk" CHECK ("classes"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "continuity_settings" (
	"province_code" text PRIMARY KEY NOT NULL,
	"max_share_pct" integer DEFAULT 30 NOT NULL,
	"service_centre_min_staff" integer DEFAULT 2 NOT NULL,
	"require_unit_head_approval" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"unit_id" integer,
	"programme_type" text NOT NULL,
	"class_end_date" date NOT NULL,
	"decision_no" text,
	"decision_date" date NOT NULL,
	"status" text NOT NULL,
	"waitlist_position" integer,
	"bridge_point_id" integer,
	"result" text,
	"final_score" numeric(4, 2),
	"result_recorded_at" timestamp with time zone,
	"guard_override_reason" text,
	"cancel_reason" text,
	"nominated_by" text,
	"approved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instructors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "instructors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"full_name" text NOT NULL,
	"kind" text NOT NULL,
	"org_id" integer,
	"organisation" text,
	"title" text,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"plan_id" integer NOT NULL,
	"programme_type" text NOT NULL,
	"classes" integer DEFAULT 0 NOT NULL,
	"attendances" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_targets_plan_id_programme_type_pk" PRIMARY KEY("plan_id","programme_type")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"level" text NOT NULL,
	"province_code" text,
	"commune_code" text,
	"phase" integer NOT NULL,
	"year" integer,
	"title" text NOT NULL,
	"parent_id" integer,
	"document_no" text,
	"document_date" date,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"owner" text NOT NULL,
	"owner_province_code" text,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_audience" text,
	"duration_days" integer NOT NULL,
	"total_hours" integer NOT NULL,
	"practice_hours" integer DEFAULT 0 NOT NULL,
	"min_attendance_pct" integer DEFAULT 100 NOT NULL,
	"max_excused_pct" integer DEFAULT 20 NOT NULL,
	"pass_score" numeric(4, 2) DEFAULT 5 NOT NULL,
	"requires_essay" boolean DEFAULT false NOT NULL,
	"certificate_meets_requirement" boolean DEFAULT false NOT NULL,
	"approval_status" text DEFAULT 'draft' NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"previous_id" integer,
	"description" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"enrolment_id" integer NOT NULL,
	"assessment_no" integer NOT NULL,
	"score" numeric(4, 2) NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scores_enrolment_id_assessment_no_pk" PRIMARY KEY("enrolment_id","assessment_no"),
	CONSTRAINT "scores_range_chk" CHECK ("scores"."score" >= 0 and "scores"."score" <= 10)
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridge_points" ADD CONSTRAINT "bridge_points_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_communes" ADD CONSTRAINT "class_communes_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_communes" ADD CONSTRAINT "class_communes_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_organiser_id_training_orgs_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."training_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_host_commune_code_communes_code_fk" FOREIGN KEY ("host_commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructors" ADD CONSTRAINT "instructors_org_id_training_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."training_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bridge_points_class_idx" ON "bridge_points" USING btree ("class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_enrolment_uq" ON "certificates" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "certificates_official_idx" ON "certificates" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "class_communes_commune_idx" ON "class_communes" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "sessions_class_idx" ON "class_sessions" USING btree ("class_id","date");--> statement-breakpoint
CREATE INDEX "classes_province_idx" ON "classes" USING btree ("province_code","start_date");--> statement-breakpoint
CREATE INDEX "classes_organiser_idx" ON "classes" USING btree ("organiser_id","start_date");--> statement-breakpoint
CREATE INDEX "classes_end_idx" ON "classes" USING btree ("end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_class_official_uq" ON "enrolments" USING btree ("class_id","official_id") WHERE "enrolments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "enrolments_official_idx" ON "enrolments" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "enrolments_class_idx" ON "enrolments" USING btree ("class_id","status");--> statement-breakpoint
CREATE INDEX "enrolments_kpi_commune_idx" ON "enrolments" USING btree ("commune_code","class_end_date");--> statement-breakpoint
CREATE INDEX "enrolments_kpi_province_idx" ON "enrolments" USING btree ("province_code","class_end_date");--> statement-breakpoint
CREATE INDEX "plans_scope_idx" ON "plans" USING btree ("level","province_code","commune_code","phase");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_code_version_uq" ON "programmes" USING btree ("code","version_no");--> statement-breakpoint
CREATE INDEX "programmes_type_idx" ON "programmes" USING btree ("type");--> statement-breakpoint
CREATE UNIQUE INDEX "units_commune_name_active_uq" ON "units" USING btree ("commune_code",lower("name")) WHERE "units"."valid_to" is null;