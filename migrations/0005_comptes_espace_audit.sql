CREATE TABLE "courriels" (
	"id" serial PRIMARY KEY NOT NULL,
	"destinataire" text NOT NULL,
	"sujet" text NOT NULL,
	"texte" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"envoye_le" timestamp with time zone,
	"tentatives" integer DEFAULT 0 NOT NULL,
	"erreur" text
);
--> statement-breakpoint
CREATE TABLE "habilitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"utilisateur_id" integer NOT NULL,
	"role" text NOT NULL,
	"territoire" text,
	"lieu_uid" bigint,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "habilitations_role_check" CHECK (("habilitations"."role" = 'administrateur' and "habilitations"."territoire" is null and "habilitations"."lieu_uid" is null) or ("habilitations"."role" = 'coordinateur' and "habilitations"."territoire" is not null and "habilitations"."lieu_uid" is null) or ("habilitations"."role" in ('gestionnaire', 'mediateur') and "habilitations"."lieu_uid" is not null and "habilitations"."territoire" is null))
);
--> statement-breakpoint
CREATE TABLE "jetons" (
	"empreinte" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"utilisateur_id" integer NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"utilise_le" timestamp with time zone,
	CONSTRAINT "jetons_type_check" CHECK ("jetons"."type" in ('invitation', 'reinitialisation'))
);
--> statement-breakpoint
CREATE TABLE "journal_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"quand" timestamp with time zone DEFAULT now() NOT NULL,
	"acteur_id" integer,
	"acteur" text NOT NULL,
	"adresse_ip" text,
	"action" text NOT NULL,
	"objet_type" text NOT NULL,
	"objet_id" text NOT NULL,
	"lieu_uid" bigint,
	"changements" jsonb
);
--> statement-breakpoint
CREATE TABLE "limites" (
	"cle" text PRIMARY KEY NOT NULL,
	"essais" integer NOT NULL,
	"debut" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"utilisateur_id" integer NOT NULL,
	"niveau" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"vu_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	CONSTRAINT "sessions_niveau_check" CHECK ("sessions"."niveau" in ('attente_code', 'complet'))
);
--> statement-breakpoint
CREATE TABLE "utilisateurs" (
	"id" serial PRIMARY KEY NOT NULL,
	"courriel" text NOT NULL,
	"nom" text DEFAULT '' NOT NULL,
	"mot_de_passe" text,
	"statut" text DEFAULT 'invite' NOT NULL,
	"totp_secret" text,
	"totp_actif" boolean DEFAULT false NOT NULL,
	"totp_dernier_pas" bigint,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"derniere_connexion" timestamp with time zone,
	CONSTRAINT "utilisateurs_statut_check" CHECK ("utilisateurs"."statut" in ('invite', 'actif', 'desactive'))
);
--> statement-breakpoint
ALTER TABLE "lieux" DROP CONSTRAINT "lieux_statut_check";--> statement-breakpoint
ALTER TABLE "signalements" ADD COLUMN "traite_par" integer;--> statement-breakpoint
ALTER TABLE "signalements" ADD COLUMN "reponse" text;--> statement-breakpoint
ALTER TABLE "signalements" ADD COLUMN "traite_le" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "habilitations" ADD CONSTRAINT "habilitations_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitations" ADD CONSTRAINT "habilitations_lieu_uid_lieux_uid_fk" FOREIGN KEY ("lieu_uid") REFERENCES "public"."lieux"("uid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jetons" ADD CONSTRAINT "jetons_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "courriels_envoi_idx" ON "courriels" USING btree ("envoye_le");--> statement-breakpoint
CREATE INDEX "habilitations_utilisateur_idx" ON "habilitations" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "habilitations_lieu_idx" ON "habilitations" USING btree ("lieu_uid");--> statement-breakpoint
CREATE INDEX "jetons_utilisateur_idx" ON "jetons" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "journal_audit_lieu_idx" ON "journal_audit" USING btree ("lieu_uid","id");--> statement-breakpoint
CREATE INDEX "journal_audit_objet_idx" ON "journal_audit" USING btree ("objet_type","objet_id");--> statement-breakpoint
CREATE INDEX "sessions_utilisateur_idx" ON "sessions" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE UNIQUE INDEX "utilisateurs_courriel_idx" ON "utilisateurs" USING btree ("courriel");--> statement-breakpoint
ALTER TABLE "lieux" ADD CONSTRAINT "lieux_statut_check" CHECK ("lieux"."statut" in ('publie', 'retire', 'fusionne', 'a_valider', 'refuse'));--> statement-breakpoint
CREATE FUNCTION "journal_audit_immuable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le journal d''audit ne se modifie pas et ne s''efface pas.' USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "journal_audit_sans_modification" BEFORE UPDATE OR DELETE ON "journal_audit" FOR EACH ROW EXECUTE FUNCTION "journal_audit_immuable"();--> statement-breakpoint
CREATE TRIGGER "journal_audit_sans_vidage" BEFORE TRUNCATE ON "journal_audit" FOR EACH STATEMENT EXECUTE FUNCTION "journal_audit_immuable"();
