CREATE TABLE "annual_ratings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "annual_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"official_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"general_score" numeric(4, 1) NOT NULL,
	"task_score" numeric(4, 1) NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"level" text NOT NULL,
	"disciplined" boolean DEFAULT false NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"unit_id" integer,
	"note" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "annual_ratings_parts" CHECK ("annual_ratings"."general_score" between 0 and 30 and "annual_ratings"."task_score" between 0 and 70)
);
--> statement-breakpoint
CREATE TABLE "evaluation_config" (
	"id" integer PRIMARY KEY NOT NULL,
	"criteria_weights" jsonb NOT NULL,
	"source_weights" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"overdue_days" integer DEFAULT 30 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"evaluation_id" integer NOT NULL,
	"source" text NOT NULL,
	"respondent_user_id" text NOT NULL,
	"respondent_official_id" uuid,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"satisfaction" numeric(5, 2),
	"note" text,
	"submitted_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_training_evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "post_training_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enrolment_id" integer NOT NULL,
	"official_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"unit_id" integer,
	"class_id" integer NOT NULL,
	"class_end_date" date NOT NULL,
	"opens_on" date NOT NULL,
	"evaluated_on" date,
	"score" numeric(5, 2),
	"level" text,
	"peer_official_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pte_score_range" CHECK ("post_training_evaluations"."score" is null or ("post_training_evaluations"."score" >= 0 and "post_training_evaluations"."score" <= 100))
);
--> statement-breakpoint
ALTER TABLE "annual_ratings" ADD CONSTRAINT "annual_ratings_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_evaluation_id_post_training_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."post_training_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_training_evaluations" ADD CONSTRAINT "post_training_evaluations_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_training_evaluations" ADD CONSTRAINT "post_training_evaluations_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_ratings_official_year_uq" ON "annual_ratings" USING btree ("official_id","year");--> statement-breakpoint
CREATE INDEX "annual_ratings_commune_year_idx" ON "annual_ratings" USING btree ("commune_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_responses_uq" ON "evaluation_responses" USING btree ("evaluation_id","source","respondent_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pte_enrolment_uq" ON "post_training_evaluations" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "pte_commune_idx" ON "post_training_evaluations" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "pte_province_idx" ON "post_training_evaluations" USING btree ("province_code");