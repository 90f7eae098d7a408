CREATE TABLE "activites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediateur_id" integer,
	"structure_id" integer NOT NULL,
	"lieu_uid" bigint,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"duree" integer NOT NULL,
	"type_lieu" text NOT NULL,
	"code_insee" text,
	"departement" text,
	"thematiques" text[] DEFAULT '{}'::text[] NOT NULL,
	"thematiques_demarche" text[] DEFAULT '{}'::text[] NOT NULL,
	"precisions_demarche" text,
	"materiel" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"autonomie" text,
	"oriente_vers_structure" boolean DEFAULT false NOT NULL,
	"structure_redirection" text,
	"titre_atelier" text,
	"niveau" text,
	"accompagnements" integer NOT NULL,
	"anonymes" jsonb,
	"source" text DEFAULT 'saisie' NOT NULL,
	"id_source" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	"supprime_le" timestamp with time zone,
	CONSTRAINT "activites_type_check" CHECK ("activites"."type" in ('individuel', 'collectif')),
	CONSTRAINT "activites_accompagnements_check" CHECK ("activites"."accompagnements" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activites_beneficiaires" (
	"activite_id" uuid NOT NULL,
	"beneficiaire_id" uuid NOT NULL,
	"premier" boolean DEFAULT false NOT NULL,
	CONSTRAINT "activites_beneficiaires_activite_id_beneficiaire_id_pk" PRIMARY KEY("activite_id","beneficiaire_id")
);
--> statement-breakpoint
CREATE TABLE "beneficiaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" integer NOT NULL,
	"cree_par" integer,
	"prenom" text,
	"nom" text,
	"telephone" text,
	"courriel" text,
	"annee_naissance" integer,
	"adresse" text,
	"notes" text,
	"genre" text DEFAULT 'non_communique' NOT NULL,
	"tranche_age" text DEFAULT 'non_communique' NOT NULL,
	"statut_social" text DEFAULT 'non_communique' NOT NULL,
	"commune_residence" text,
	"consentement_le" date,
	"consentement_portee" text,
	"consentement_recueil" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"mis_a_jour_le" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymise_le" timestamp with time zone,
	CONSTRAINT "beneficiaires_consentement_check" CHECK ("beneficiaires"."anonymise_le" is not null or ("beneficiaires"."consentement_le" is not null and "beneficiaires"."consentement_portee" in ('mediateur', 'structure') and "beneficiaires"."consentement_recueil" in ('oral', 'ecrit', 'numerique')))
);
--> statement-breakpoint
CREATE TABLE "lieux_structures" (
	"lieu_uid" bigint PRIMARY KEY NOT NULL,
	"structure_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orientations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"de_lieu" bigint,
	"vers_lieu" bigint NOT NULL,
	"par_mediateur" integer,
	"beneficiaire_id" uuid,
	"activite_id" uuid,
	"besoin" text NOT NULL,
	"partage" jsonb,
	"consentement_le" date,
	"consentement_recueil" text,
	"statut" text DEFAULT 'envoyee' NOT NULL,
	"reponse" text,
	"traitee_par" integer,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"mis_a_jour_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orientations_statut_check" CHECK ("orientations"."statut" in ('envoyee', 'acceptee', 'refusee', 'prise_en_charge', 'demarche_realisee', 'absente'))
);
--> statement-breakpoint
CREATE TABLE "stats_mensuelles" (
	"mois" date NOT NULL,
	"departement" text DEFAULT '' NOT NULL,
	"code_insee" text DEFAULT '' NOT NULL,
	"structure_id" integer NOT NULL,
	"lieu_uid" bigint DEFAULT 0 NOT NULL,
	"mediateur_id" integer DEFAULT 0 NOT NULL,
	"type" text NOT NULL,
	"dimension" text NOT NULL,
	"valeur" text DEFAULT '' NOT NULL,
	"accompagnements" bigint DEFAULT 0 NOT NULL,
	"activites" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_mensuelles_departement_mois_code_insee_structure_id_lieu_uid_mediateur_id_type_dimension_valeur_pk" PRIMARY KEY("departement","mois","code_insee","structure_id","lieu_uid","mediateur_id","type","dimension","valeur")
);
--> statement-breakpoint
CREATE TABLE "structures" (
	"id" serial PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"siret" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taches" (
	"nom" text PRIMARY KEY NOT NULL,
	"derniere_execution" timestamp with time zone NOT NULL,
	"bilan" jsonb
);
--> statement-breakpoint
ALTER TABLE "activites" ADD CONSTRAINT "activites_mediateur_id_utilisateurs_id_fk" FOREIGN KEY ("mediateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activites" ADD CONSTRAINT "activites_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activites" ADD CONSTRAINT "activites_lieu_uid_lieux_uid_fk" FOREIGN KEY ("lieu_uid") REFERENCES "public"."lieux"("uid") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activites_beneficiaires" ADD CONSTRAINT "activites_beneficiaires_activite_id_activites_id_fk" FOREIGN KEY ("activite_id") REFERENCES "public"."activites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activites_beneficiaires" ADD CONSTRAINT "activites_beneficiaires_beneficiaire_id_beneficiaires_id_fk" FOREIGN KEY ("beneficiaire_id") REFERENCES "public"."beneficiaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaires" ADD CONSTRAINT "beneficiaires_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaires" ADD CONSTRAINT "beneficiaires_cree_par_utilisateurs_id_fk" FOREIGN KEY ("cree_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieux_structures" ADD CONSTRAINT "lieux_structures_lieu_uid_lieux_uid_fk" FOREIGN KEY ("lieu_uid") REFERENCES "public"."lieux"("uid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieux_structures" ADD CONSTRAINT "lieux_structures_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_de_lieu_lieux_uid_fk" FOREIGN KEY ("de_lieu") REFERENCES "public"."lieux"("uid") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_vers_lieu_lieux_uid_fk" FOREIGN KEY ("vers_lieu") REFERENCES "public"."lieux"("uid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_par_mediateur_utilisateurs_id_fk" FOREIGN KEY ("par_mediateur") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_beneficiaire_id_beneficiaires_id_fk" FOREIGN KEY ("beneficiaire_id") REFERENCES "public"."beneficiaires"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_activite_id_activites_id_fk" FOREIGN KEY ("activite_id") REFERENCES "public"."activites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_traitee_par_utilisateurs_id_fk" FOREIGN KEY ("traitee_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activites_mediateur_idx" ON "activites" USING btree ("mediateur_id","date");--> statement-breakpoint
CREATE INDEX "activites_departement_idx" ON "activites" USING btree ("departement","date");--> statement-breakpoint
CREATE INDEX "activites_lieu_idx" ON "activites" USING btree ("lieu_uid","date");--> statement-breakpoint
CREATE INDEX "activites_structure_idx" ON "activites" USING btree ("structure_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "activites_source_idx" ON "activites" USING btree ("source","id_source") WHERE "activites"."id_source" is not null;--> statement-breakpoint
CREATE INDEX "activites_beneficiaires_beneficiaire_idx" ON "activites_beneficiaires" USING btree ("beneficiaire_id");--> statement-breakpoint
CREATE INDEX "beneficiaires_structure_idx" ON "beneficiaires" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "beneficiaires_conservation_idx" ON "beneficiaires" USING btree ("mis_a_jour_le") WHERE "beneficiaires"."anonymise_le" is null;--> statement-breakpoint
CREATE INDEX "lieux_structures_structure_idx" ON "lieux_structures" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "orientations_vers_idx" ON "orientations" USING btree ("vers_lieu","statut");--> statement-breakpoint
CREATE INDEX "orientations_de_idx" ON "orientations" USING btree ("de_lieu");--> statement-breakpoint
CREATE INDEX "orientations_mediateur_idx" ON "orientations" USING btree ("par_mediateur");--> statement-breakpoint
CREATE INDEX "stats_mensuelles_mediateur_idx" ON "stats_mensuelles" USING btree ("mediateur_id","mois");--> statement-breakpoint
CREATE INDEX "stats_mensuelles_structure_idx" ON "stats_mensuelles" USING btree ("structure_id","mois");--> statement-breakpoint
CREATE INDEX "stats_mensuelles_lieu_idx" ON "stats_mensuelles" USING btree ("lieu_uid","mois");