CREATE TABLE "stats_suivis" (
	"beneficiaire_id" uuid NOT NULL,
	"departement" text DEFAULT '' NOT NULL,
	"mois" date NOT NULL,
	"type" text NOT NULL,
	"premier" boolean DEFAULT false NOT NULL,
	"genre" text NOT NULL,
	"annee_naissance" integer,
	"tranche_age" text NOT NULL,
	"statut_social" text NOT NULL,
	"commune_residence" text,
	CONSTRAINT "stats_suivis_beneficiaire_id_departement_mois_type_pk" PRIMARY KEY("beneficiaire_id","departement","mois","type")
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
ALTER TABLE "stats_suivis" ADD CONSTRAINT "stats_suivis_beneficiaire_id_beneficiaires_id_fk" FOREIGN KEY ("beneficiaire_id") REFERENCES "public"."beneficiaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_axe_id_axes_id_fk" FOREIGN KEY ("axe_id") REFERENCES "public"."axes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_indicateurs" ADD CONSTRAINT "actions_indicateurs_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_indicateurs" ADD CONSTRAINT "actions_indicateurs_indicateur_id_indicateurs_id_fk" FOREIGN KEY ("indicateur_id") REFERENCES "public"."indicateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "axes" ADD CONSTRAINT "axes_feuille_id_feuilles_de_route_id_fk" FOREIGN KEY ("feuille_id") REFERENCES "public"."feuilles_de_route"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mesures" ADD CONSTRAINT "mesures_indicateur_id_indicateurs_id_fk" FOREIGN KEY ("indicateur_id") REFERENCES "public"."indicateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_axe_idx" ON "actions" USING btree ("axe_id");--> statement-breakpoint
CREATE INDEX "actions_indicateurs_indicateur_idx" ON "actions_indicateurs" USING btree ("indicateur_id");--> statement-breakpoint
CREATE INDEX "axes_feuille_idx" ON "axes" USING btree ("feuille_id","rang");--> statement-breakpoint
CREATE INDEX "feuilles_de_route_territoire_idx" ON "feuilles_de_route" USING btree ("territoire");--> statement-breakpoint
CREATE INDEX "indicateurs_territoire_idx" ON "indicateurs" USING btree ("territoire");--> statement-breakpoint
CREATE INDEX "mesures_indicateur_idx" ON "mesures" USING btree ("indicateur_id","date");--> statement-breakpoint
CREATE INDEX "qpv_commune_idx" ON "qpv" USING btree ("code_commune");