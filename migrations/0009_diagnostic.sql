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
