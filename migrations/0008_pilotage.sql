CREATE TABLE "diagnostic_heures" (
	"empreinte" text PRIMARY KEY NOT NULL,
	"heures" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ifn" (
	"division" text NOT NULL,
	"code" text NOT NULL,
	"nom" text NOT NULL,
	"sans_thd" real,
	"sans_4g" real,
	"pauvrete" real,
	"plus_65" real,
	"non_diplomes" real,
	"total" real,
	"fichier" text NOT NULL,
	"importe_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ifn_pk" PRIMARY KEY("division","code"),
	CONSTRAINT "ifn_division_check" CHECK ("ifn"."division" in ('commune', 'epci'))
);
--> statement-breakpoint
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
CREATE TABLE "actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"axe_id" integer NOT NULL,
	"titre" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"porteur" text NOT NULL,
	"porteur_acteur_id" integer,
	"partenaires" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget_centimes" bigint,
	"cofinancements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"debut" date,
	"fin" date,
	"statut" text DEFAULT 'a_lancer' NOT NULL,
	"avancement" smallint DEFAULT 0 NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_statut_check" CHECK ("actions"."statut" in ('a_lancer', 'en_cours', 'terminee', 'abandonnee')),
	CONSTRAINT "actions_avancement_check" CHECK ("actions"."avancement" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "actions_indicateurs" (
	"action_id" integer NOT NULL,
	"indicateur_id" integer NOT NULL,
	CONSTRAINT "actions_indicateurs_action_id_indicateur_id_pk" PRIMARY KEY("action_id","indicateur_id")
);
--> statement-breakpoint
CREATE TABLE "axes" (
	"id" serial PRIMARY KEY NOT NULL,
	"feuille_id" integer NOT NULL,
	"titre" text NOT NULL,
	"rang" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communes_densite" (
	"code_commune" text PRIMARY KEY NOT NULL,
	"niveau" smallint NOT NULL,
	"importe_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communes_densite_niveau_check" CHECK ("communes_densite"."niveau" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "feuilles_de_route" (
	"id" serial PRIMARY KEY NOT NULL,
	"territoire" text NOT NULL,
	"titre" text NOT NULL,
	"debut" date NOT NULL,
	"fin" date NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feuilles_de_route_periode_check" CHECK ("feuilles_de_route"."debut" <= "feuilles_de_route"."fin")
);
--> statement-breakpoint
CREATE TABLE "indicateurs" (
	"id" serial PRIMARY KEY NOT NULL,
	"territoire" text NOT NULL,
	"nature" text NOT NULL,
	"code" text,
	"parametres" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"libelle" text NOT NULL,
	"unite" text NOT NULL,
	"source" text,
	"valeur_reference" double precision,
	"date_reference" date,
	"valeur_cible" double precision,
	"date_cible" date,
	"sens" text DEFAULT 'hausse' NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicateurs_nature_check" CHECK (("indicateurs"."nature" = 'calcule' and "indicateurs"."code" is not null) or ("indicateurs"."nature" = 'saisi' and "indicateurs"."source" is not null)),
	CONSTRAINT "indicateurs_sens_check" CHECK ("indicateurs"."sens" in ('hausse', 'baisse'))
);
--> statement-breakpoint
CREATE TABLE "mesures" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicateur_id" integer NOT NULL,
	"date" date NOT NULL,
	"valeur" double precision NOT NULL,
	"source" text NOT NULL,
	"auteur" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qpv" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"code_commune" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"importe_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "objets" text DEFAULT 'lieux' NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_axe_id_axes_id_fk" FOREIGN KEY ("axe_id") REFERENCES "public"."axes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_indicateurs" ADD CONSTRAINT "actions_indicateurs_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_indicateurs" ADD CONSTRAINT "actions_indicateurs_indicateur_id_indicateurs_id_fk" FOREIGN KEY ("indicateur_id") REFERENCES "public"."indicateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "axes" ADD CONSTRAINT "axes_feuille_id_feuilles_de_route_id_fk" FOREIGN KEY ("feuille_id") REFERENCES "public"."feuilles_de_route"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mesures" ADD CONSTRAINT "mesures_indicateur_id_indicateurs_id_fk" FOREIGN KEY ("indicateur_id") REFERENCES "public"."indicateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "acteurs_siret_idx" ON "acteurs" USING btree ("siret") WHERE siret is not null and statut <> 'fusionne';--> statement-breakpoint
CREATE UNIQUE INDEX "acteurs_structure_idx" ON "acteurs" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "acteurs_departement_idx" ON "acteurs" USING btree ("code_departement");--> statement-breakpoint
CREATE INDEX "acteurs_commune_idx" ON "acteurs" USING btree ("code_insee");--> statement-breakpoint
CREATE INDEX "acteurs_enregistrements_acteur_idx" ON "acteurs_enregistrements" USING btree ("acteur_id");--> statement-breakpoint
CREATE INDEX "partenariats_acteur_idx" ON "partenariats" USING btree ("acteur_id");--> statement-breakpoint
CREATE INDEX "partenariats_partenaire_idx" ON "partenariats" USING btree ("partenaire_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partenariats_source_idx" ON "partenariats" USING btree ("source_id","acteur_id","partenaire_id","nature") WHERE source_id is not null;--> statement-breakpoint
CREATE INDEX "actions_axe_idx" ON "actions" USING btree ("axe_id");--> statement-breakpoint
CREATE INDEX "actions_indicateurs_indicateur_idx" ON "actions_indicateurs" USING btree ("indicateur_id");--> statement-breakpoint
CREATE INDEX "axes_feuille_idx" ON "axes" USING btree ("feuille_id","rang");--> statement-breakpoint
CREATE INDEX "feuilles_de_route_territoire_idx" ON "feuilles_de_route" USING btree ("territoire");--> statement-breakpoint
CREATE INDEX "indicateurs_territoire_idx" ON "indicateurs" USING btree ("territoire");--> statement-breakpoint
CREATE INDEX "mesures_indicateur_idx" ON "mesures" USING btree ("indicateur_id","date");--> statement-breakpoint
CREATE INDEX "qpv_commune_idx" ON "qpv" USING btree ("code_commune");--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_objets_check" CHECK ("imports"."objets" in ('lieux', 'acteurs'));--> statement-breakpoint
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
