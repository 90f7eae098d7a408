-- a snapshot taken twice the same day (« Relever maintenant » racing the daily job) keeps its first value
DELETE FROM "mesures" a USING "mesures" b WHERE a."auteur" = 'calcul' AND b."auteur" = 'calcul' AND a."indicateur_id" = b."indicateur_id" AND a."date" = b."date" AND a."id" > b."id";--> statement-breakpoint
CREATE UNIQUE INDEX "mesures_calcul_du_jour_idx" ON "mesures" USING btree ("indicateur_id","date") WHERE "mesures"."auteur" = 'calcul';--> statement-breakpoint
-- a measure's author is a role, never a name (exports name roles; the audit log keeps who entered it)
UPDATE "mesures" SET "auteur" = 'coordinateur' WHERE "auteur" NOT IN ('calcul', 'coordinateur', 'administrateur');
