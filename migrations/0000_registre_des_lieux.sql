CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"schema_version" text NOT NULL,
	"encoding" text NOT NULL,
	"columns" text[],
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"rows_read" integer NOT NULL,
	"rows_accepted" integer NOT NULL,
	"rows_rejected" integer NOT NULL,
	"warnings" integer NOT NULL,
	"corrections" integer NOT NULL,
	"withdrawn" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lieux" (
	"uid" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"pivot" text NOT NULL,
	"nom" text NOT NULL,
	"commune" text NOT NULL,
	"code_postal" text NOT NULL,
	"code_insee" text,
	"adresse" text NOT NULL,
	"complement_adresse" text,
	"latitude" double precision,
	"longitude" double precision,
	"typologie" text[] DEFAULT '{}'::text[] NOT NULL,
	"telephone" text,
	"courriels" text[] DEFAULT '{}'::text[] NOT NULL,
	"site_web" text[] DEFAULT '{}'::text[] NOT NULL,
	"horaires" text,
	"presentation_resume" text,
	"presentation_detail" text,
	"source" text,
	"itinerance" text[] DEFAULT '{}'::text[] NOT NULL,
	"structure_parente" text,
	"date_maj" date NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"publics_specifiquement_adresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"prise_en_charge_specifique" text[] DEFAULT '{}'::text[] NOT NULL,
	"frais_a_charge" text[] DEFAULT '{}'::text[] NOT NULL,
	"dispositif_programmes_nationaux" text[] DEFAULT '{}'::text[] NOT NULL,
	"formations_labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"autres_formations_labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"modalites_acces" text[] DEFAULT '{}'::text[] NOT NULL,
	"modalites_accompagnement" text[] DEFAULT '{}'::text[] NOT NULL,
	"fiche_acces_libre" text,
	"prise_rdv" text,
	"commune_resolue" text,
	"code_departement" text,
	"code_region" text,
	"texte_recherche" text DEFAULT '' NOT NULL,
	"statut" text DEFAULT 'publie' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lieux_statut_check" CHECK ("lieux"."statut" in ('publie', 'retire'))
);
--> statement-breakpoint
CREATE TABLE "source_records" (
	"source_id" integer NOT NULL,
	"record_id" text NOT NULL,
	"lieu_uid" bigint,
	"raw" json NOT NULL,
	"line" integer NOT NULL,
	"first_import_id" integer,
	"last_import_id" integer,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "source_records_pk" PRIMARY KEY("source_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_lieu_uid_lieux_uid_fk" FOREIGN KEY ("lieu_uid") REFERENCES "public"."lieux"("uid") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_first_import_id_imports_id_fk" FOREIGN KEY ("first_import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_last_import_id_imports_id_fk" FOREIGN KEY ("last_import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_source_idx" ON "imports" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lieux_id_idx" ON "lieux" USING btree ("id");--> statement-breakpoint
CREATE INDEX "lieux_departement_idx" ON "lieux" USING btree ("code_departement");--> statement-breakpoint
CREATE INDEX "lieux_commune_idx" ON "lieux" USING btree ("commune_resolue");--> statement-breakpoint
CREATE INDEX "lieux_nom_idx" ON "lieux" USING btree ("nom");--> statement-breakpoint
CREATE INDEX "source_records_lieu_idx" ON "source_records" USING btree ("lieu_uid");