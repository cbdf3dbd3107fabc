CREATE TABLE "library_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"positions" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"programme_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"scope_province_code" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"owner_id" uuid,
	"owner_name" text DEFAULT '' NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"review_note" text,
	"file_key" text,
	"file_name" text,
	"mime" text,
	"size_bytes" integer,
	"poster_key" text,
	"duration_seconds" integer,
	"headings" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"quiz" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(title))), 'A') || setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(headings || ' ' || summary))), 'B') || setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(left(body_text, 300000)))), 'C')) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_type_chk" CHECK ("library_materials"."type" in ('document','video','slides','case','handbook','quiz')),
	CONSTRAINT "library_status_chk" CHECK ("library_materials"."status" in ('draft','approved','published'))
);
--> statement-breakpoint
CREATE TABLE "library_passages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "library_passages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"material_id" uuid NOT NULL,
	"ord" integer NOT NULL,
	"section" text NOT NULL,
	"text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(section))), 'A') || setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(text))), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "library_progress" (
	"user_id" uuid NOT NULL,
	"material_id" uuid NOT NULL,
	"official_id" uuid,
	"status" text DEFAULT 'opened' NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"position_seconds" numeric(10, 2) DEFAULT '0' NOT NULL,
	"quiz_best_score" integer,
	"quiz_attempts" integer DEFAULT 0 NOT NULL,
	"first_opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "library_progress_user_id_material_id_pk" PRIMARY KEY("user_id","material_id")
);
--> statement-breakpoint
CREATE TABLE "library_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "library_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"material_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "library_materials" ADD CONSTRAINT "library_materials_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_passages" ADD CONSTRAINT "library_passages_material_id_library_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."library_materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_progress" ADD CONSTRAINT "library_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_progress" ADD CONSTRAINT "library_progress_material_id_library_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."library_materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_material_id_library_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."library_materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_search_idx" ON "library_materials" USING gin ("search");--> statement-breakpoint
CREATE INDEX "library_title_trgm_idx" ON "library_materials" USING gin (f_unaccent(lower("title")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "library_scope_idx" ON "library_materials" USING btree ("status","scope_province_code");--> statement-breakpoint
CREATE INDEX "library_passages_search_idx" ON "library_passages" USING gin ("search");--> statement-breakpoint
CREATE INDEX "library_passages_material_idx" ON "library_passages" USING btree ("material_id","ord");--> statement-breakpoint
CREATE INDEX "library_progress_official_idx" ON "library_progress" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "library_versions_material_idx" ON "library_versions" USING btree ("material_id","id");