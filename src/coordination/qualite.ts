/**
 * The quality of the registry's published places (scores of `quality/`): their spread in five
 * bands and the places not updated for six months, computed at most every five minutes.
 */
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../platform/db/database.ts'
import { lieux } from '../platform/db/schema.ts'
import { versLieu } from '../places/registry/rows.ts'
import { aujourdhuiParis } from '../places/validation/date-maj.ts'
import { aMettreAJour, moisDepuisMiseAJour } from '../quality/fraicheur.ts'
import { repartition, scoreQualite, type Tranche } from '../quality/score.ts'

export interface LieuAMettreAJour {
  uid: number
  nom: string
  commune: string
  dateMaj: string
  mois: number
  score: number
}

export interface QualiteDuRegistre {
  aujourdhui: string
  lieux: number
  moyenne: number
  tranches: Tranche[]
  aMettreAJour: LieuAMettreAJour[]
}

export async function qualiteDuRegistre(db: Db, aujourdhui = aujourdhuiParis()): Promise<QualiteDuRegistre> {
  const lignes = await db.select().from(lieux).where(eq(lieux.statut, 'publie')).orderBy(asc(lieux.date_maj), asc(lieux.uid))
  const scores: number[] = []
  const anciens: LieuAMettreAJour[] = []
  for (const ligne of lignes) {
    const lieu = versLieu(ligne)
    const { score } = scoreQualite(lieu, aujourdhui)
    scores.push(score)
    if (aMettreAJour(lieu, aujourdhui)) {
      anciens.push({ uid: ligne.uid, nom: lieu.nom, commune: lieu.commune, dateMaj: lieu.date_maj, mois: moisDepuisMiseAJour(lieu.date_maj, aujourdhui), score })
    }
  }
  const somme = scores.reduce((a, b) => a + b, 0)
  return { aujourdhui, lieux: scores.length, moyenne: scores.length ? Math.round((100 * somme) / scores.length) / 100 : 0, tranches: repartition(scores), aMettreAJour: anciens }
}

const DUREE_MS = 5 * 60_000

/** The last computation, kept five minutes (or until `invalider`). */
export class CacheQualite {
  private dernier: { quand: number; valeur: Promise<QualiteDuRegistre> } | undefined
  constructor(private readonly db: Db) {}
  lire(): Promise<QualiteDuRegistre> {
    if (!this.dernier || Date.now() - this.dernier.quand > DUREE_MS) {
      const valeur = qualiteDuRegistre(this.db)
      this.dernier = { quand: Date.now(), valeur }
      valeur.catch(() => (this.dernier = undefined))
    }
    return this.dernier.valeur
  }
  invalider(): void {
    this.dernier = undefined
  }
}
