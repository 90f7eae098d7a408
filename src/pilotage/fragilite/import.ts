/**
 * Imports an IFN file (communes or EPCI, or both mixed) into the `ifn` table: the file is read by
 * the places' reader (`src/places/io`: UTF-8 with or without BOM or windows-1252, `,` or `;`),
 * each row validated whole (`domaine/ligne.ts`): a row with a problem is rejected with every
 * reason (line, column), the others go in, in one transaction, replacing the values of the same
 * division and code (upsert). A second occurrence of the same code in the file is rejected.
 * The same transaction writes one audit line (`ifn.importe`): who, the file's name and the counts.
 */
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { type Acteur, inscrire } from '../../audit/journal.ts'
import { FichierIlisibleError, lireFichier } from '../../places/io/lecture.ts'
import { colonnesManquantes, COLONNES_IFN, lireLigneIfn, type LigneIfn } from './domaine/ligne.ts'

export interface RejetIfn {
  ligne: number
  colonne: string
  valeur: string
  message: string
}

export interface BilanIfn {
  lues: number
  acceptees: number
  nouvelles: number
  misesAJour: number
  communes: number
  epci: number
  /** Rows rejected (each may have several reasons in `rejets`). */
  rejetees: number
  rejets: RejetIfn[]
}

const PAQUET = 2000

export async function importerIfn(db: Db, acteur: Acteur, nomFichier: string, octets: Uint8Array): Promise<BilanIfn> {
  const lecture = lireFichier(nomFichier, octets)
  if (lecture.format !== 'csv') throw new FichierIlisibleError('Le fichier de l’IFN doit être un CSV.')
  const rangees = [...lecture.rangees]
  const manquantes = colonnesManquantes(lecture.colonnes)
  if (manquantes.length > 0) {
    throw new FichierIlisibleError(`Colonnes manquantes : ${manquantes.join(', ')}. En-tête attendu : ${COLONNES_IFN.join(',')}.`)
  }
  const bilan: BilanIfn = { lues: rangees.length, acceptees: 0, nouvelles: 0, misesAJour: 0, communes: 0, epci: 0, rejetees: 0, rejets: [] }
  const acceptees: LigneIfn[] = []
  const vues = new Map<string, number>()
  for (const r of rangees) {
    const valeurs = Object.fromEntries(Object.entries(r.valeurs).map(([k, v]) => [k.trim().toLowerCase(), v]))
    const lue = lireLigneIfn(valeurs)
    if ('problemes' in lue) {
      bilan.rejetees++
      for (const p of lue.problemes) bilan.rejets.push({ ligne: r.ligne, ...p })
      continue
    }
    const cle = `${lue.ligne.division}:${lue.ligne.code}`
    const deja = vues.get(cle)
    if (deja !== undefined) {
      bilan.rejetees++
      bilan.rejets.push({ ligne: r.ligne, colonne: 'code', valeur: lue.ligne.code, message: `Le code « ${lue.ligne.code} » figure déjà ligne ${deja} : cette ligne est ignorée.` })
      continue
    }
    vues.set(cle, r.ligne)
    acceptees.push(lue.ligne)
  }
  const fichier = path.basename(nomFichier)
  await db.transaction(async (tx) => {
    for (let i = 0; i < acceptees.length; i += PAQUET) {
      const json = JSON.stringify(acceptees.slice(i, i + PAQUET).map((l) => [l.division, l.code, l.nom, l.sansThd, l.sans4g, l.pauvrete, l.plus65, l.nonDiplomes, l.total]))
      const { rows } = (await tx.execute(sql`
        insert into ifn (division, code, nom, sans_thd, sans_4g, pauvrete, plus_65, non_diplomes, total, fichier, importe_le)
        select x->>0, x->>1, x->>2, (x->>3)::real, (x->>4)::real, (x->>5)::real, (x->>6)::real, (x->>7)::real, (x->>8)::real, ${fichier}, now()
        from jsonb_array_elements(${json}::jsonb) as x
        on conflict (division, code) do update set nom = excluded.nom, sans_thd = excluded.sans_thd, sans_4g = excluded.sans_4g,
          pauvrete = excluded.pauvrete, plus_65 = excluded.plus_65, non_diplomes = excluded.non_diplomes, total = excluded.total,
          fichier = excluded.fichier, importe_le = excluded.importe_le
        returning (xmax = 0) as nouvelle`)) as unknown as { rows: Array<{ nouvelle: boolean }> }
      for (const r of rows) if (r.nouvelle) bilan.nouvelles++
    }
    bilan.acceptees = acceptees.length
    bilan.misesAJour = bilan.acceptees - bilan.nouvelles
    bilan.communes = acceptees.filter((l) => l.division === 'commune').length
    bilan.epci = bilan.acceptees - bilan.communes
    const { rejets: _, ...nombres } = bilan
    await inscrire(tx, acteur, { action: 'ifn.importe', objetType: 'ifn', objetId: fichier, changements: nombres })
  })
  return bilan
}
