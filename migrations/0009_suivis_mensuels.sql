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
ALTER TABLE "stats_suivis" ADD CONSTRAINT "stats_suivis_beneficiaire_id_beneficiaires_id_fk" FOREIGN KEY ("beneficiaire_id") REFERENCES "public"."beneficiaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Followed beneficiaries per month, département and type (created above), filled from the
-- participations as `src/activity/store/suivis.ts` computes them; the covering index is written
-- here (drizzle-kit cannot write INCLUDE): a territory's dashboard reads it without the table.
INSERT INTO "stats_suivis" ("beneficiaire_id", "departement", "mois", "type", "premier", "genre", "annee_naissance", "tranche_age", "statut_social", "commune_residence")
SELECT ab."beneficiaire_id", coalesce(a."departement", ''), date_trunc('month', a."date")::date, a."type", bool_or(ab."premier"),
  b."genre", b."annee_naissance", b."tranche_age", b."statut_social", b."commune_residence"
FROM "activites_beneficiaires" ab
JOIN "activites" a ON a."id" = ab."activite_id" AND a."supprime_le" IS NULL
JOIN "beneficiaires" b ON b."id" = ab."beneficiaire_id"
GROUP BY ab."beneficiaire_id", 2, 3, a."type", b."genre", b."annee_naissance", b."tranche_age", b."statut_social", b."commune_residence";--> statement-breakpoint
CREATE INDEX "stats_suivis_couvrant_idx" ON "stats_suivis" ("departement", "mois") INCLUDE ("type", "beneficiaire_id", "premier", "genre", "annee_naissance", "tranche_age", "statut_social", "commune_residence");
--> statement-breakpoint
-- The covering index of 0007 held the `total` and `canal` rows without the dimension: a query
-- for one of them had to read the table's rows, and the planner preferred the primary key (a
-- bitmap heap scan of ~11,000 blocks for a département's year at 10 M accompaniments). One
-- partial index per question instead, read without the table (BENCHMARKS.md).
DROP INDEX IF EXISTS "stats_mensuelles_totaux_idx";--> statement-breakpoint
CREATE INDEX "stats_mensuelles_total_idx" ON "stats_mensuelles" ("departement", "mois") INCLUDE ("code_insee", "lieu_uid", "mediateur_id", "type", "accompagnements", "activites") WHERE "dimension" = 'total';--> statement-breakpoint
CREATE INDEX "stats_mensuelles_lieu_activite_idx" ON "stats_mensuelles" ("departement", "mois") INCLUDE ("lieu_uid", "type", "accompagnements", "activites") WHERE "dimension" = 'canal' AND "valeur" = 'lieu_activite';
