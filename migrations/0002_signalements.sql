CREATE TABLE "signalements" (
	"id" serial PRIMARY KEY NOT NULL,
	"lieu_uid" bigint NOT NULL,
	"rubriques" text[] NOT NULL,
	"message" text NOT NULL,
	"contact" text,
	"statut" text DEFAULT 'nouveau' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signalements_statut_check" CHECK ("signalements"."statut" in ('nouveau', 'en_cours', 'corrige', 'rejete'))
);
--> statement-breakpoint
ALTER TABLE "signalements" ADD CONSTRAINT "signalements_lieu_uid_lieux_uid_fk" FOREIGN KEY ("lieu_uid") REFERENCES "public"."lieux"("uid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signalements_lieu_idx" ON "signalements" USING btree ("lieu_uid");