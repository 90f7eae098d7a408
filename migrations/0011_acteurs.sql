CREATE TABLE "acteurs" (
	"id" serial PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"type" text NOT NULL,
	"siret" text,
	"adresse" text,
	"code_postal" text,
	"commune" text NOT NULL,
	"code_insee" text NOT NULL,
	"code_departement" text NOT NULL,
	"code_region" text NOT NULL,
	"site_web" text,
	"courriel" text,
	"telephone" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"competences" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"date_maj" date NOT NULL,
	"structure_id" integer,
	"statut" text DEFAULT 'publie' NOT NULL,
	"fusionne_dans" integer,
	"provenance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"texte_recherche" text DEFAULT '' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acteurs_statut_check" CHECK ("acteurs"."statut" in ('publie', 'retire', 'fusionne'))
);
--> statement-breakpoint
CREATE TABLE "acteurs_enregistrements" (
	"source_id" integer NOT NULL,
	"record_id" text NOT NULL,
	"acteur_id" integer NOT NULL,
	"raw" json NOT NULL,
	"acteur" json NOT NULL,
	"retire" boolean DEFAULT false NOT NULL,
	"line" integer NOT NULL,
	"first_import_id" integer,
	"last_import_id" integer,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "acteurs_enregistrements_pk" PRIMARY KEY("source_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "partenariats" (
	"id" serial PRIMARY KEY NOT NULL,
	"acteur_id" integer NOT NULL,
	"partenaire_id" integer NOT NULL,
	"nature" text NOT NULL,
	"debut" date,
	"fin" date,
	"description" text,
	"source_id" integer,
	"last_import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partenariats_nature_check" CHECK ("partenariats"."nature" in ('convention', 'financement', 'co-portage', 'orientation', 'reseau')),
	CONSTRAINT "partenariats_distincts_check" CHECK ("partenariats"."acteur_id" <> "partenariats"."partenaire_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "acteurs_siret_idx" ON "acteurs" USING btree ("siret") WHERE siret is not null and statut <> 'fusionne';--> statement-breakpoint
CREATE UNIQUE INDEX "acteurs_structure_idx" ON "acteurs" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "acteurs_departement_idx" ON "acteurs" USING btree ("code_departement");--> statement-breakpoint
CREATE INDEX "acteurs_commune_idx" ON "acteurs" USING btree ("code_insee");--> statement-breakpoint
CREATE INDEX "acteurs_enregistrements_acteur_idx" ON "acteurs_enregistrements" USING btree ("acteur_id");--> statement-breakpoint
CREATE INDEX "partenariats_acteur_idx" ON "partenariats" USING btree ("acteur_id");--> statement-breakpoint
CREATE INDEX "partenariats_partenaire_idx" ON "partenariats" USING btree ("partenaire_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partenariats_source_idx" ON "partenariats" USING btree ("source_id","acteur_id","partenaire_id","nature") WHERE source_id is not null;--> statement-breakpoint
-- Hand-written: foreign keys towards tables of schema.ts (schema-acteurs.ts cannot import it without an import cycle).
ALTER TABLE "acteurs" ADD CONSTRAINT "acteurs_structure_fk" FOREIGN KEY ("structure_id") REFERENCES "structures"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "acteurs" ADD CONSTRAINT "acteurs_fusionne_dans_fk" FOREIGN KEY ("fusionne_dans") REFERENCES "acteurs"("id");--> statement-breakpoint
ALTER TABLE "acteurs_enregistrements" ADD CONSTRAINT "acteurs_enregistrements_source_fk" FOREIGN KEY ("source_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "acteurs_enregistrements" ADD CONSTRAINT "acteurs_enregistrements_acteur_fk" FOREIGN KEY ("acteur_id") REFERENCES "acteurs"("id");--> statement-breakpoint
ALTER TABLE "acteurs_enregistrements" ADD CONSTRAINT "acteurs_enregistrements_first_import_fk" FOREIGN KEY ("first_import_id") REFERENCES "imports"("id");--> statement-breakpoint
ALTER TABLE "acteurs_enregistrements" ADD CONSTRAINT "acteurs_enregistrements_last_import_fk" FOREIGN KEY ("last_import_id") REFERENCES "imports"("id");--> statement-breakpoint
ALTER TABLE "partenariats" ADD CONSTRAINT "partenariats_acteur_fk" FOREIGN KEY ("acteur_id") REFERENCES "acteurs"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "partenariats" ADD CONSTRAINT "partenariats_partenaire_fk" FOREIGN KEY ("partenaire_id") REFERENCES "acteurs"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "partenariats" ADD CONSTRAINT "partenariats_source_fk" FOREIGN KEY ("source_id") REFERENCES "sources"("id");
