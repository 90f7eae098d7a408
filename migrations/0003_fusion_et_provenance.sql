CREATE TABLE "fusions" (
	"id" serial PRIMARY KEY NOT NULL,
	"lieu_uid" bigint NOT NULL,
	"absorbe_uid" bigint NOT NULL,
	"mode" text NOT NULL,
	"score" real NOT NULL,
	"raisons" jsonb NOT NULL,
	"faite_le" timestamp with time zone DEFAULT now() NOT NULL,
	"annulee_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_problemes" (
	"import_id" integer NOT NULL,
	"rang" integer NOT NULL,
	"ligne" integer NOT NULL,
	"record_id" text NOT NULL,
	"champ" text NOT NULL,
	"valeur" text NOT NULL,
	"message" text NOT NULL,
	"niveau" text NOT NULL,
	CONSTRAINT "import_problemes_pk" PRIMARY KEY("import_id","rang")
);
--> statement-breakpoint
CREATE TABLE "paires" (
	"id" serial PRIMARY KEY NOT NULL,
	"cle_a" text NOT NULL,
	"cle_b" text NOT NULL,
	"score" real NOT NULL,
	"raisons" jsonb NOT NULL,
	"statut" text NOT NULL,
	"decide_par" text,
	"decide_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"vue_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paires_statut_check" CHECK ("paires"."statut" in ('a_examiner', 'fusion_auto', 'meme_lieu', 'differents'))
);
--> statement-breakpoint
ALTER TABLE "lieux" DROP CONSTRAINT "lieux_statut_check";--> statement-breakpoint
ALTER TABLE "lieux" ADD COLUMN "fusionne_dans" bigint;--> statement-breakpoint
ALTER TABLE "lieux" ADD COLUMN "provenance" jsonb;--> statement-breakpoint
ALTER TABLE "source_records" ADD COLUMN "lieu" jsonb;--> statement-breakpoint
ALTER TABLE "source_records" ADD COLUMN "lieu_origine" bigint;--> statement-breakpoint
ALTER TABLE "source_records" ADD COLUMN "retire" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "producteur" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "licence" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "lecteur" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "fiable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "fusions" ADD CONSTRAINT "fusions_lieu_uid_lieux_uid_fk" FOREIGN KEY ("lieu_uid") REFERENCES "public"."lieux"("uid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fusions" ADD CONSTRAINT "fusions_absorbe_uid_lieux_uid_fk" FOREIGN KEY ("absorbe_uid") REFERENCES "public"."lieux"("uid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_problemes" ADD CONSTRAINT "import_problemes_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fusions_lieu_idx" ON "fusions" USING btree ("lieu_uid");--> statement-breakpoint
CREATE INDEX "fusions_absorbe_idx" ON "fusions" USING btree ("absorbe_uid");--> statement-breakpoint
CREATE UNIQUE INDEX "paires_cles_idx" ON "paires" USING btree ("cle_a","cle_b");--> statement-breakpoint
CREATE INDEX "paires_statut_idx" ON "paires" USING btree ("statut");--> statement-breakpoint
ALTER TABLE "lieux" ADD CONSTRAINT "lieux_statut_check" CHECK ("lieux"."statut" in ('publie', 'retire', 'fusionne'));--> statement-breakpoint
UPDATE "source_records" SET "lieu_origine" = "lieu_uid";--> statement-breakpoint
UPDATE "source_records" r SET "retire" = true FROM "lieux" l WHERE l."uid" = r."lieu_uid" AND l."statut" = 'retire';
