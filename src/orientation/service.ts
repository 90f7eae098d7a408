/**
 * The orientation service of a running server: builds the in-memory index from the database at
 * start, keeps it in step with the database through notifications (an import, an edit, another
 * server sharing the PostgreSQL database), and answers searches. The database is the source of
 * truth; a lost notification connection triggers a full reload.
 */
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm'
import type { Base } from '../platform/db/database.ts'
import type { Ecoute } from '../platform/db/notifications.ts'
import { lieux, sourceRecords } from '../platform/db/schema.ts'
import { CANAL_LIEUX, lirePortee, type Portee } from '../places/registry/changements.ts'
import { versLieu, type LigneLieu } from '../places/registry/rows.ts'
import { referentiel } from '../territories/referentiel.ts'
import { IndexLieux, type LieuIndexable } from './index/index.ts'
import { rechercher, type Criteres, type Point, type Reponse } from './recherche.ts'

/** Where communes are (see src/geo): the centre of a commune, exact or approximate. */
export interface PositionsCommunes {
  position(code: string): Point | undefined
}

export const AUCUNE_POSITION: PositionsCommunes = { position: () => undefined }

export interface OptionsOrientation {
  /** Positions of communes, for places without coordinates; reloaded with `tout`. */
  chargerPositions?: () => Promise<PositionsCommunes>
}

export class Orientation {
  private index = new IndexLieux()
  private positions: PositionsCommunes = AUCUNE_POSITION
  private ecoute: Ecoute | undefined
  /** Changes are applied one after another, in the order they arrive. */
  private file: Promise<void> = Promise.resolve()
  private readonly attentes = new Set<() => void>()
  private readonly abonnes = new Set<() => void>()
  /** Number of changes applied since start (tests wait on it). */
  version = 0

  private constructor(
    private readonly base: Base,
    private readonly options: OptionsOrientation,
  ) {}

  static async demarrer(base: Base, options: OptionsOrientation = {}): Promise<Orientation> {
    const orientation = new Orientation(base, options)
    orientation.ecoute = await base.ecouter(
      CANAL_LIEUX,
      (charge) => orientation.appliquer(lirePortee(charge)),
      () => orientation.appliquer({ tout: true }),
    )
    await orientation.recharger({ tout: true })
    return orientation
  }

  get taille(): number {
    return this.index.taille
  }

  get indexLieux(): IndexLieux {
    return this.index
  }

  /** The point of a commune (its official centre, or an approximation). */
  pointDeCommune(code: string): Point | undefined {
    return this.positions.position(code)
  }

  rechercher(criteres: Criteres, maintenant?: Date): Reponse {
    return rechercher(this.index, criteres, maintenant)
  }

  /** Applies a change (after the ones already queued). */
  appliquer(portee: Portee): Promise<void> {
    this.file = this.file
      .then(() => this.recharger(portee))
      .catch(() => {
        // the next notification or reconnection reloads; a search never sees a half-built index
      })
      .then(() => {
        this.version++
        for (const fin of this.attentes) fin()
        for (const abonne of this.abonnes) abonne()
      })
    return this.file
  }

  /** Calls `rappel` after every applied change (counts to refresh…); returns the unsubscription. */
  surChangement(rappel: () => void): () => void {
    this.abonnes.add(rappel)
    return () => this.abonnes.delete(rappel)
  }

  /** Resolves after the next applied change (tests, or to wait for an import to show). */
  prochainChangement(): Promise<void> {
    return new Promise((fin) => {
      const f = () => {
        this.attentes.delete(f)
        fin()
      }
      this.attentes.add(f)
    })
  }

  async arreter(): Promise<void> {
    await this.ecoute?.arreter()
    await this.file
  }

  private async recharger(portee: Portee): Promise<void> {
    if ('tout' in portee) {
      if (this.options.chargerPositions) this.positions = await this.options.chargerPositions()
      const index = new IndexLieux()
      for await (const lot of this.lire(undefined)) for (const l of lot) if (l.publie) index.remplacer(l.entree)
      this.index = index
      return
    }
    const condition =
      'source' in portee
        ? inArray(lieux.uid, sql`(select ${sourceRecords.lieuUid} from ${sourceRecords} where ${sourceRecords.sourceId} = ${portee.source})`)
        : inArray(lieux.uid, portee.lieux.length ? portee.lieux : [-1])
    const vus = new Set<number>()
    for await (const lot of this.lire(condition)) {
      for (const l of lot) {
        vus.add(l.entree.uid)
        if (l.publie) this.index.remplacer(l.entree)
        else this.index.retirer(l.entree.uid)
      }
    }
    if ('lieux' in portee) for (const uid of portee.lieux) if (!vus.has(uid)) this.index.retirer(uid)
  }

  /** Places of the database in batches (keyset on uid), as the index takes them. */
  private async *lire(condition: SQL | undefined): AsyncGenerator<Array<{ entree: LieuIndexable; publie: boolean }>> {
    const ref = referentiel()
    let dernier = 0
    for (;;) {
      const lignes: LigneLieu[] = await this.base.db
        .select()
        .from(lieux)
        .where(and(gt(lieux.uid, dernier), condition ?? eq(lieux.statut, 'publie')))
        .orderBy(asc(lieux.uid))
        .limit(10_000)
      if (lignes.length === 0) return
      dernier = lignes[lignes.length - 1]?.uid ?? dernier
      yield lignes.map((ligne) => {
        const lieu = versLieu(ligne)
        const propre = lieu.latitude !== null && lieu.longitude !== null ? { latitude: lieu.latitude, longitude: lieu.longitude, approximative: false } : null
        const commune = ligne.communeResolue ? this.positions.position(ligne.communeResolue) : undefined
        return {
          publie: ligne.statut === 'publie',
          entree: {
            uid: ligne.uid,
            lieu,
            communeResolue: ligne.communeResolue,
            departement: ligne.codeDepartement,
            region: ligne.codeRegion,
            nomRegion: ref.regions.get(ligne.codeRegion ?? '')?.nom ?? '',
            position: propre ?? (commune ? { ...commune, approximative: true } : null),
          },
        }
      })
      if (lignes.length < 10_000) return
    }
  }
}
