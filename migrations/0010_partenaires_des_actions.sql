CREATE TABLE "actions_partenaires" (
	"action_id" integer NOT NULL,
	"acteur_id" integer NOT NULL,
	CONSTRAINT "actions_partenaires_action_id_acteur_id_pk" PRIMARY KEY("action_id","acteur_id")
);
--> statement-breakpoint
ALTER TABLE "actions_partenaires" ADD CONSTRAINT "actions_partenaires_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_partenaires" ADD CONSTRAINT "actions_partenaires_acteur_id_acteurs_id_fk" FOREIGN KEY ("acteur_id") REFERENCES "public"."acteurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_partenaires_acteur_idx" ON "actions_partenaires" USING btree ("acteur_id");