CREATE TABLE "essays" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "essays_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enrolment_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"title" text NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"body" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"file_content" "bytea",
	"submitted_on" date NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_proposal" boolean DEFAULT false NOT NULL,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "essays_content_chk" CHECK ("essays"."body" is not null or "essays"."file_content" is not null)
);
--> statement-breakpoint
CREATE TABLE "mentoring_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mentoring_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pair_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"text" text NOT NULL,
	"achieved" boolean DEFAULT false NOT NULL,
	"author_username" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_pairs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mentoring_pairs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mentoring_pairs_distinct_chk" CHECK ("mentoring_pairs"."mentor_id" <> "mentoring_pairs"."mentee_id")
);
--> statement-breakpoint
CREATE TABLE "self_report_files" (
	"self_report_id" integer PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "self_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enrolment_id" integer NOT NULL,
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"unit_id" integer,
	"class_id" integer NOT NULL,
	"submitted_on" date NOT NULL,
	"last_submitted_on" date NOT NULL,
	"status" text NOT NULL,
	"completed" boolean NOT NULL,
	"score" numeric(4, 2),
	"certificate_no" text,
	"apply_at_work" text NOT NULL,
	"review_comment" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "self_reports_score_chk" CHECK ("self_reports"."score" is null or ("self_reports"."score" >= 0 and "self_reports"."score" <= 10))
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" integer NOT NULL,
	"programme" integer NOT NULL,
	"instructors" integer NOT NULL,
	"facilities" integer NOT NULL,
	"organisation" integer NOT NULL,
	"own_gain" integer NOT NULL,
	"programme_comment" text,
	"instructors_comment" text,
	"facilities_comment" text,
	"organisation_comment" text,
	"own_gain_comment" text,
	CONSTRAINT "survey_answers_range_chk" CHECK ("survey_answers"."programme" between 1 and 5 and "survey_answers"."instructors" between 1 and 5 and "survey_answers"."facilities" between 1 and 5 and "survey_answers"."organisation" between 1 and 5 and "survey_answers"."own_gain" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "survey_markers" (
	"class_id" integer NOT NULL,
	"official_id" uuid NOT NULL,
	CONSTRAINT "survey_markers_class_id_official_id_pk" PRIMARY KEY("class_id","official_id")
);
--> statement-breakpoint
ALTER TABLE "essays" ADD CONSTRAINT "essays_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "essays" ADD CONSTRAINT "essays_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "essays" ADD CONSTRAINT "essays_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_entries" ADD CONSTRAINT "mentoring_entries_pair_id_mentoring_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentoring_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_mentor_id_officials_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_mentee_id_officials_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_report_files" ADD CONSTRAINT "self_report_files_self_report_id_self_reports_id_fk" FOREIGN KEY ("self_report_id") REFERENCES "public"."self_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_markers" ADD CONSTRAINT "survey_markers_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_markers" ADD CONSTRAINT "survey_markers_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "essays_enrolment_uq" ON "essays" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "essays_province_idx" ON "essays" USING btree ("province_code","submitted_on");--> statement-breakpoint
CREATE INDEX "mentoring_entries_pair_idx" ON "mentoring_entries" USING btree ("pair_id","on_date");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_commune_idx" ON "mentoring_pairs" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_mentor_idx" ON "mentoring_pairs" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_mentee_idx" ON "mentoring_pairs" USING btree ("mentee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_pairs_active_uq" ON "mentoring_pairs" USING btree ("mentor_id","mentee_id") WHERE "mentoring_pairs"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "self_reports_enrolment_uq" ON "self_reports" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "self_reports_commune_idx" ON "self_reports" USING btree ("commune_code","status");--> statement-breakpoint
CREATE INDEX "self_reports_province_idx" ON "self_reports" USING btree ("province_code","submitted_on");--> statement-breakpoint
CREATE INDEX "survey_answers_class_idx" ON "survey_answers" USING btree ("class_id");