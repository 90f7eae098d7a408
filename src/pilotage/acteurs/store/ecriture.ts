/**
 * Writing actors: each accepted record is kept as received (`acteurs_enregistrements`, keyed by
 * source and id in the source) and attached to its actor — the actor with the same SIRET if
 * there is one (two sources describing the same organisation make one actor), otherwise the
 * actor the record already had, otherwise a new one. Then each touched actor is recomposed from
 * its records by survivorship (`domaine/fusion.ts`): published with its per-field provenance,
 * withdrawn when no source lists it any more, merged into another when its records all went
 * there. An actor whose values do not change is not written (a re-import changes nothing).
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../../platform/db/database.ts'
import { fusionnerActeur, type EnregistrementActeur, type ProvenanceActeur } from '../domaine/fusion.ts'
import type { Acteur } from '../domaine/validation.ts'
import { texteCherchable } from './lecture.ts'

type Lignes<T> = { rows: T[] }
const lignes = async <T>(db: Db, requete: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(requete)) as unknown as Lignes<T>).rows

export interface EnregistrementAEcrire {
  recordId: string
  ligne: number
  brut: unknown
  acteur: Acteur
}

/**
 * Writes one record; returns its actor, and the actor it left when it moved (merge by SIRET).
 * `cible` is the actor a coordinator edits: it is the record's actor whatever its SIRET says.
 */
export async function ecrireEnregistrement(
  db: Db,
  source: { id: number; demo: boolean },
  importId: number | null,
  e: EnregistrementAEcrire,
  cible?: number,
): Promise<{ acteurId: number; quitte: number | null; nouveau: boolean }> {
  const [ancien] = await lignes<{ acteur_id: number }>(db, sql`select acteur_id from acteurs_enregistrements where source_id = ${source.id} and record_id = ${e.recordId}`)
  let acteurId: number | undefined = cible
  if (acteurId === undefined && e.acteur.siret !== null) {
    const [meme] = await lignes<{ id: number }>(db, sql`select id from acteurs where siret = ${e.acteur.siret} and statut <> 'fusionne' order by id limit 1`)
    acteurId = meme?.id
  }
  acteurId ??= ancien?.acteur_id
  let nouveau = false
  if (acteurId === undefined) {
    const a = e.acteur
    const [cree] = await lignes<{ id: number }>(
      db,
      sql`insert into acteurs (nom, type, siret, commune, code_insee, code_departement, code_region, date_maj, demo, statut)
        values (${a.nom}, ${a.type}, ${a.siret}, ${a.commune}, ${a.code_insee}, ${a.code_departement}, ${a.code_region}, ${a.date_maj}, ${source.demo}, 'publie') returning id`,
    )
    if (!cree) throw new Error('L’acteur n’a pas pu être créé.')
    acteurId = cree.id
    nouveau = true
  }
  await db.execute(sql`
    insert into acteurs_enregistrements (source_id, record_id, acteur_id, raw, acteur, retire, line, first_import_id, last_import_id, received_at)
    values (${source.id}, ${e.recordId}, ${acteurId}, ${JSON.stringify(e.brut ?? null)}::json, ${JSON.stringify(e.acteur)}::json, false, ${e.ligne}, ${importId}, ${importId}, now())
    on conflict (source_id, record_id) do update set raw = excluded.raw, acteur = excluded.acteur, acteur_id = excluded.acteur_id, retire = false,
      line = excluded.line, last_import_id = excluded.last_import_id, received_at = excluded.received_at`)
  return { acteurId, quitte: ancien && ancien.acteur_id !== acteurId ? ancien.acteur_id : null, nouveau }
}

/** JSON with sorted keys (`jsonb` does not keep the order of keys). */
const canonique = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonique) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonique(x)])) : v

/** The values compared to tell whether an actor changed. */
const empreinte = (a: Acteur, provenance: ProvenanceActeur, statut: string) => JSON.stringify(canonique({ ...a, provenance, statut }))

/**
 * Recomposes actors from their current records. `fusionsVers` says where an actor's records
 * went (it becomes `fusionne` there when it has none left). Returns the actors whose values
 * changed and those withdrawn.
 */
export async function recomposer(db: Db, ids: Iterable<number>, fusionsVers: ReadonlyMap<number, number> = new Map()): Promise<{ modifies: number[]; retires: number[] }> {
  const liste = [...new Set(ids)]
  const resultat = { modifies: [] as number[], retires: [] as number[] }
  if (liste.length === 0) return resultat
  const enregistrements = await lignes<{ acteur_id: number; name: string; fiable: boolean; received_at: string | Date; acteur: Acteur; retire: boolean }>(
    db,
    sql`select r.acteur_id, s.name, s.fiable, r.received_at, r.acteur, r.retire from acteurs_enregistrements r join sources s on s.id = r.source_id
      where r.acteur_id in ${sql`(${sql.join(liste.map((i) => sql`${i}`), sql`, `)})`}`,
  )
  const actuels = await lignes<Record<string, unknown> & { id: number; statut: string; provenance: ProvenanceActeur; date_maj: string }>(
    db,
    sql`select id, nom, type, siret, adresse, code_postal, commune, code_insee, code_departement, code_region, site_web, courriel, telephone, roles, competences,
      description, date_maj::text as date_maj, statut, provenance from acteurs where id in ${sql`(${sql.join(liste.map((i) => sql`${i}`), sql`, `)})`}`,
  )
  for (const actuel of actuels) {
    const siens = enregistrements.filter((r) => r.acteur_id === actuel.id)
    const actifs = siens.filter((r) => !r.retire)
    if (actifs.length === 0) {
      const vers = siens.length === 0 ? fusionsVers.get(actuel.id) : undefined
      const statut = vers !== undefined ? 'fusionne' : 'retire'
      if (actuel.statut !== statut) {
        await db.execute(sql`update acteurs set statut = ${statut}, fusionne_dans = ${vers ?? null}, updated_at = now() where id = ${actuel.id}`)
        resultat.retires.push(actuel.id)
      }
      continue
    }
    const fusion = fusionnerActeur(
      actifs.map((r): EnregistrementActeur => ({ source: r.name, fiable: r.fiable, recuLe: new Date(r.received_at).toISOString(), acteur: r.acteur })),
    )
    const { acteur: a, provenance } = fusion
    const { id: _id, statut: statutActuel, provenance: provenanceActuelle, ...valeursActuelles } = actuel
    if (empreinte(valeursActuelles as unknown as Acteur, provenanceActuelle, statutActuel) === empreinte(normaliser(a), provenance, 'publie')) continue
    await db.execute(sql`
      update acteurs set nom = ${a.nom}, type = ${a.type}, siret = ${a.siret}, adresse = ${a.adresse}, code_postal = ${a.code_postal}, commune = ${a.commune},
        code_insee = ${a.code_insee}, code_departement = ${a.code_departement}, code_region = ${a.code_region}, site_web = ${a.site_web},
        courriel = ${a.courriel}, telephone = ${a.telephone}, roles = ${sql`${`{${a.roles.map((r) => JSON.stringify(r)).join(',')}}`}::text[]`},
        competences = ${sql`${`{${a.competences.map((r) => JSON.stringify(r)).join(',')}}`}::text[]`}, description = ${a.description},
        date_maj = ${a.date_maj}, statut = 'publie', fusionne_dans = null, provenance = ${JSON.stringify(provenance)}::jsonb,
        texte_recherche = ${texteCherchable(`${a.nom} ${a.commune}`)}, updated_at = now()
      where id = ${actuel.id}`)
    resultat.modifies.push(actuel.id)
  }
  await lierStructures(db)
  return resultat
}

/** The values in the key order of the table, to compare with the row read. */
function normaliser(a: Acteur): Acteur {
  return {
    nom: a.nom,
    type: a.type,
    siret: a.siret,
    adresse: a.adresse,
    code_postal: a.code_postal,
    commune: a.commune,
    code_insee: a.code_insee,
    code_departement: a.code_departement,
    code_region: a.code_region,
    site_web: a.site_web,
    courriel: a.courriel,
    telephone: a.telephone,
    roles: a.roles,
    competences: a.competences,
    description: a.description,
    date_maj: a.date_maj,
  }
}

/**
 * An actor with a SIRET and no structure is linked to the `structures` row of the same SIRET
 * (the organisation already running places in the workspace), if no other actor has it.
 */
export async function lierStructures(db: Db): Promise<void> {
  await db.execute(sql`
    update acteurs a set structure_id = (
      select min(s.id) from structures s where s.siret = a.siret and not exists (select 1 from acteurs b where b.structure_id = s.id))
    where a.structure_id is null and a.siret is not null and a.statut = 'publie'
      and exists (select 1 from structures s where s.siret = a.siret and not exists (select 1 from acteurs b where b.structure_id = s.id))`)
}
