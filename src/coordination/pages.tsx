/**
 * The coordination pages: the overview (sources and their last imports, review queue, merges
 * in force, quality of the places), the whole review queue, and the places to update.
 */
import type { OptionsPage } from '../platform/http/page.ts'
import { Bandeau } from '../platform/ui/avis.tsx'
import { TableauDefilant } from '../platform/ui/donnees.tsx'
import { Bouton, ChampCache } from '../platform/ui/formulaire.tsx'
import { Graphique } from '../platform/ui/graphiques/graphique.tsx'
import { Pagination } from '../platform/ui/navigation.tsx'
import type { FusionEnVigueur, LieuCompare, PaireEnExamen } from '../dedup/examen.ts'
import type { SourceDuRegistre } from '../places/registry/sources.ts'
import type { ScoreQualite } from '../quality/score.ts'
import { dateLongue, nombre } from '../places/pages/format.ts'
import type { QualiteDuRegistre } from './qualite.ts'

const pourcent = (score: number) => `${Math.round(score * 100)} %`
const date = (d: Date) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' })
const FIL = { libelle: 'Coordination', lien: '/coordination' }

function Lieu({ lieu, titre }: { lieu: LieuCompare | null; titre: string }) {
  if (!lieu) return <p>{titre} : ce lieu n’existe plus.</p>
  return (
    <div class="paire-lieu">
      <h4>
        {titre} : <a href={`/lieux/${lieu.uid}`}>{lieu.nom}</a>
      </h4>
      <p>
        {lieu.adresse}, {lieu.codePostal} {lieu.commune}
        {lieu.telephone && <> · {lieu.telephone}</>}
      </p>
      <p>Source : {lieu.source}</p>
    </div>
  )
}

function Raisons({ raisons }: { raisons: PaireEnExamen['raisons'] }) {
  return (
    <ul class="raisons">
      {raisons.map((r) => (
        <li class={`raison-${r.effet}`}>
          {r.effet === 'pour' ? 'Pour : ' : r.effet === 'contre' || r.effet === 'veto' ? 'Contre : ' : ''}
          {r.libelle}
        </li>
      ))}
    </ul>
  )
}

export function Paire({ paire, jeton, retour }: { paire: PaireEnExamen; jeton: string; retour: string }) {
  return (
    <article class="paire" aria-labelledby={`paire-${paire.id}`}>
      <h3 id={`paire-${paire.id}`}>
        Paire n° {paire.id} — ressemblance {pourcent(paire.score)}
      </h3>
      <Lieu lieu={paire.a} titre="Lieu A" />
      <Lieu lieu={paire.b} titre="Lieu B" />
      <Raisons raisons={paire.raisons} />
      <form method="post" action={`/coordination/doublons/${paire.id}`} class="actions">
        <ChampCache nom="jeton" valeur={jeton} />
        <ChampCache nom="retour" valeur={retour} />
        <button type="submit" name="decision" value="meme_lieu" class="bouton">
          Même lieu : fusionner
        </button>
        <button type="submit" name="decision" value="differents" class="bouton bouton-secondaire">
          Lieux différents
        </button>
      </form>
    </article>
  )
}

function Fusion({ fusion, jeton }: { fusion: FusionEnVigueur; jeton: string }) {
  return (
    <li>
      <a href={`/lieux/${fusion.cible.uid}`}>{fusion.cible.nom}</a> ({fusion.cible.commune}) a absorbé « {fusion.absorbe.nom} » —{' '}
      {fusion.mode === 'decision' ? 'décision' : `fusion automatique, ressemblance ${pourcent(fusion.score)}`}, le {date(fusion.faiteLe)}
      <details>
        <summary>Raisons</summary>
        <Raisons raisons={fusion.raisons} />
      </details>
      <form method="post" action={`/coordination/fusions/${fusion.id}/annuler`}>
        <ChampCache nom="jeton" valeur={jeton} />
        <Bouton secondaire>Annuler cette fusion</Bouton>
      </form>
    </li>
  )
}

export interface DonneesAccueil {
  sources: SourceDuRegistre[]
  paires: PaireEnExamen[]
  aExaminer: number
  fusions: FusionEnVigueur[]
  qualite: QualiteDuRegistre
  jeton: string
  message: string | undefined
}

export function pageAccueil(d: DonneesAccueil): OptionsPage {
  return {
    titre: 'Coordination des données',
    fil: [{ libelle: 'Accueil', lien: '/' }, { libelle: 'Coordination' }],
    chapo: <p>Les sources du territoire, les doublons à examiner, les fusions faites et la qualité des fiches.</p>,
    contenu: (
      <>
        {d.message && <Bandeau type="succes" titre="C’est fait">{d.message}</Bandeau>}
        <section>
          <h2>Sources</h2>
          <TableauDefilant
            legende="Sources et dernières importations"
            entetes={['Source', 'Producteur et licence', 'Dernière importation', 'Lus', 'Acceptés', 'Rejetés', 'Lieux publiés']}
            lignes={d.sources.map((s) => ({
              entete: `${s.nom}${s.fiable ? '' : ' (moins fiable)'}`,
              cellules: [
                [s.producteur, s.licence].filter(Boolean).join(' · ') || 'non renseignés',
                s.derniereImportation ? `${date(s.derniereImportation)} (${s.dernierFichier ?? ''})` : 'jamais',
                nombre(s.lus),
                nombre(s.acceptes),
                s.dernierImportId !== null && s.rejetes > 0 ? (
                  <a href={`/coordination/imports/${s.dernierImportId}/rejets.csv`} download>
                    {nombre(s.rejetes)} (télécharger les raisons)
                  </a>
                ) : (
                  nombre(s.rejetes)
                ),
                nombre(s.lieuxPublies),
              ],
            }))}
          />
        </section>
        <section>
          <h2>Doublons à examiner ({nombre(d.aExaminer)})</h2>
          {d.aExaminer === 0 ? (
            <p>Aucune paire n’attend de décision.</p>
          ) : (
            <>
              {d.paires.map((p) => (
                <Paire paire={p} jeton={d.jeton} retour="/coordination" />
              ))}
              {d.aExaminer > d.paires.length && <a href="/coordination/doublons">Voir toute la file d’examen</a>}
            </>
          )}
        </section>
        <section>
          <h2>Fusions récentes</h2>
          {d.fusions.length === 0 ? (
            <p>Aucune fusion en vigueur.</p>
          ) : (
            <ul class="fusions">
              {d.fusions.map((f) => (
                <Fusion fusion={f} jeton={d.jeton} />
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>Qualité des fiches</h2>
          <p>
            {nombre(d.qualite.lieux)} lieux publiés, score moyen {d.qualite.moyenne.toLocaleString('fr-FR')} sur 1.{' '}
            <a href="/coordination/a-mettre-a-jour">{nombre(d.qualite.aMettreAJour.length)} lieux non mis à jour depuis 6 mois</a>.
          </p>
          <Graphique
            titre="Répartition des scores de qualité"
            description={`Nombre de lieux publiés par tranche de score de qualité, sur ${nombre(d.qualite.lieux)} lieux.`}
            barres={d.qualite.tranches.map((t) => ({ libelle: t.tranche, valeur: t.nombre }))}
            unite="Nombre de lieux"
            colonne="Score"
          />
        </section>
      </>
    ),
  }
}

export function pageDoublons(paires: PaireEnExamen[], total: number, page: number, pages: number, jeton: string, message: string | undefined): OptionsPage {
  return {
    titre: `Doublons à examiner (${nombre(total)})`,
    fil: [{ libelle: 'Accueil', lien: '/' }, FIL, { libelle: 'Doublons à examiner' }],
    chapo: <p>Pour chaque paire, dites s’il s’agit du même lieu (les deux fiches sont fusionnées) ou de lieux différents (ils ne seront plus proposés).</p>,
    contenu: (
      <>
        {message && <Bandeau type="succes" titre="C’est fait">{message}</Bandeau>}
        {paires.length === 0 && <p>Aucune paire n’attend de décision.</p>}
        {paires.map((p) => (
          <Paire paire={p} jeton={jeton} retour={`/coordination/doublons?page=${page}`} />
        ))}
        <Pagination page={page} pages={pages} lien={(n) => `/coordination/doublons?page=${n}`} />
      </>
    ),
  }
}

export function pageAMettreAJour(qualite: QualiteDuRegistre): OptionsPage {
  return {
    titre: `Lieux non mis à jour depuis 6 mois (${nombre(qualite.aMettreAJour.length)})`,
    fil: [{ libelle: 'Accueil', lien: '/' }, FIL, { libelle: 'Lieux à mettre à jour' }],
    chapo: <p>Les fiches dont la dernière mise à jour date de 6 mois ou plus, les plus anciennes d’abord.</p>,
    contenu: (
      <TableauDefilant
        legende="Lieux à mettre à jour"
        entetes={['Lieu', 'Commune', 'Dernière mise à jour', 'Score de qualité']}
        lignes={qualite.aMettreAJour.slice(0, 1000).map((l) => ({
          entete: <a href={`/lieux/${l.uid}`}>{l.nom}</a>,
          cellules: [
            l.commune,
            `${dateLongue(l.dateMaj)} (il y a ${nombre(Math.floor(l.mois))} mois)`,
            <a href={`/coordination/lieux/${l.uid}`}>{l.score.toLocaleString('fr-FR')} (détail et conseils)</a>,
          ],
        }))}
      />
    ),
  }
}

/** A place's quality score, criterion by criterion, with the advice for its managers. */
export function pageQualiteDuLieu(lieu: { uid: number; nom: string; commune: string; dateMaj: string }, qualite: ScoreQualite): OptionsPage {
  const appliques = qualite.criteres.filter((c) => c.valeur !== null)
  return {
    titre: `Qualité de la fiche : ${lieu.nom}`,
    fil: [{ libelle: 'Accueil', lien: '/' }, FIL, { libelle: 'Qualité d’une fiche' }],
    chapo: (
      <p>
        <a href={`/lieux/${lieu.uid}`}>{lieu.nom}</a> ({lieu.commune}), mise à jour le {dateLongue(lieu.dateMaj)} : score de qualité{' '}
        <strong>{qualite.score.toLocaleString('fr-FR')}</strong> sur 1, moyenne des {appliques.length} critères qui s’appliquent à ce lieu (voir
        docs/qualite.md).
      </p>
    ),
    contenu: (
      <>
        <TableauDefilant
          legende="Critères de qualité"
          entetes={['Critère', 'Valeur', 'Conseil']}
          lignes={qualite.criteres.map((c) => ({
            entete: c.libelle,
            cellules: [c.valeur === null ? 'ne s’applique pas' : c.valeur.toLocaleString('fr-FR'), c.conseil ?? '—'],
          }))}
        />
      </>
    ),
  }
}
