CREATE TABLE "stats_departements" (
	"departement" text DEFAULT '' NOT NULL,
	"mois" date NOT NULL,
	"type" text NOT NULL,
	"dimension" text NOT NULL,
	"valeur" text DEFAULT '' NOT NULL,
	"accompagnements" bigint DEFAULT 0 NOT NULL,
	"activites" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_departements_departement_mois_type_dimension_valeur_pk" PRIMARY KEY("departement","mois","type","dimension","valeur")
);
--> statement-breakpoint
INSERT INTO "stats_departements" ("departement", "mois", "type", "dimension", "valeur", "accompagnements", "activites")
SELECT "departement", "mois", "type", "dimension", "valeur", sum("accompagnements"), sum("activites") FROM "stats_mensuelles" GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
-- Covering indexes for the dashboards (written here: drizzle-kit cannot write INCLUDE). With the
-- visibility map kept by autovacuum they are read without touching the tables' rows.
CREATE INDEX "stats_mensuelles_totaux_idx" ON "stats_mensuelles" ("departement", "mois") INCLUDE ("code_insee", "lieu_uid", "mediateur_id", "type", "valeur", "accompagnements", "activites") WHERE "dimension" in ('total', 'canal');--> statement-breakpoint
CREATE INDEX "activites_suivis_idx" ON "activites" ("departement", "date") INCLUDE ("id") WHERE "supprime_le" is null and ("anonymes" is null or "type" = 'collectif');--> statement-breakpoint
CREATE INDEX "activites_beneficiaires_couvrant_idx" ON "activites_beneficiaires" ("activite_id") INCLUDE ("beneficiaire_id", "premier");--> statement-breakpoint
CREATE INDEX "beneficiaires_couvrant_idx" ON "beneficiaires" ("id") INCLUDE ("genre", "tranche_age", "statut_social", "commune_residence", "annee_naissance");
