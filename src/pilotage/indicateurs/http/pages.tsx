/**
 * The pilotage hub (`/pilotage`: links to the diagnosis, white zones, actors, roadmaps,
 * indicators and evaluation, and the national dashboards' indicators of the territory) and the
 * indicators page: the territory's indicators with their last value against the target, a form
 * to record a measure of a hand-entered one, the catalogue of computed indicators with their
 * current values, definitions, sources and limits, and the forms to follow one or to add a
 * hand-entered indicator with its source.
 */
import type { OptionsPage } from '../../../platform/http/page.ts'
import { ResumeErreurs } from '../../../platform/ui/avis.tsx'
import { TableauDefilant } from '../../../platform/ui/donnees.tsx'
import { BoutonsRadio, ChampCache, ChampTexte, ListeDeroulante } from '../../../platform/ui/formulaire.tsx'
import { Confirmation } from '../../../accounts/http/pages-communes.tsx'
import type { Territoire } from '../../../territories/territoire.ts'
import { ChoixTerritoire, nombre, Progression, ResultatsIndicateurs, valeurAvecUnite } from '../../composants.tsx'
import type { ErreurChamp } from '../../feuille-de-route/domaine/formulaires.ts'
import { situer } from '../../feuille-de-route/domaine/regles.ts'
import { CATALOGUE, dateLongue, type ResultatIndicateur } from '../catalogue/index.ts'
import type { Indicateur, Mesure } from '../store.ts'

type Saisie = Readonly<Record<string, unknown>>
const texte = (v: unknown): string => (typeof v === 'string' ? v : '')
const erreur = (erreurs: readonly ErreurChamp[], champ: string) => erreurs.find((e) => e.champ === champ)?.message
const q = (cle: string) => `?territoire=${encodeURIComponent(cle)}`

const LIENS = [
  { lien: '/pilotage/diagnostic', libelle: 'Diagnostic territorial', aide: 'Population, lieux les plus proches par besoin, fragilité numérique, commune par commune.' },
  { lien: '/pilotage/zones-blanches', libelle: 'Zones blanches', aide: 'Les communes loin de tout lieu pour un besoin, par priorité.' },
  { lien: '/pilotage/acteurs', libelle: 'Acteurs', aide: 'Les structures et personnes qui font l’inclusion numérique du territoire.' },
  { lien: '/pilotage/feuille-de-route', libelle: 'Feuilles de route', aide: 'Axes, actions, porteurs, budgets, avancement.' },
  { lien: '/pilotage/indicateurs', libelle: 'Indicateurs', aide: 'Indicateurs calculés et saisis, cibles, mesures.' },
  { lien: '/pilotage/evaluation', libelle: 'Rapport d’évaluation', aide: 'Indicateurs face aux cibles, avancement des actions, à imprimer ou à exporter.' },
]

export function pageAccueil(p: { territoire?: Territoire | undefined; cle?: string | undefined; nationaux: readonly ResultatIndicateur[]; saisi?: string | undefined; erreur?: string | undefined }): OptionsPage {
  return {
    titre: 'Pilotage',
    statut: p.erreur ? 400 : 200,
    enErreur: p.erreur !== undefined,
    chapo: p.territoire ? <p>Territoire : {p.territoire.nom}</p> : <p>Choisissez le territoire à piloter.</p>,
    contenu: (
      <>
        <ChoixTerritoire action="/pilotage" valeur={p.saisi ?? p.cle} erreur={p.erreur} />
        {p.territoire && p.cle && (
          <>
            <ul class="tableau-de-bord">
              {LIENS.map((l) => (
                <li>
                  <a href={`${l.lien}${q(p.cle as string)}`}>{l.libelle}</a>
                  <p>{l.aide}</p>
                </li>
              ))}
            </ul>
            <h2>Indicateurs des tableaux de bord nationaux</h2>
            <p>Les indicateurs que suivent les tableaux de bord territoriaux nationaux, calculés ici pour {p.territoire.nom} à partir des données de la plateforme.</p>
            <ResultatsIndicateurs resultats={p.nationaux} />
          </>
        )}
      </>
    ),
  }
}

export interface PropsPageIndicateurs {
  territoire: Territoire
  cle: string
  indicateurs: readonly Indicateur[]
  mesures: ReadonlyMap<number, readonly Mesure[]>
  catalogue: readonly ResultatIndicateur[]
  jeton: string
  formulaire?: 'calcule' | 'saisi' | `mesure-${number}` | undefined
  saisie: Saisie
  erreurs: readonly ErreurChamp[]
  message?: string | undefined
}

function ChampsCibles({ prefixe, saisie, erreurs }: { prefixe: string; saisie: Saisie; erreurs: readonly ErreurChamp[] }) {
  const v = (n: string) => texte(saisie[n])
  return (
    <>
      <div class="activite-en-ligne">
        <ChampTexte id={`${prefixe}-reference`} nom="reference" libelle="Valeur de référence (facultatif)" valeur={v('reference')} erreur={erreur(erreurs, `${prefixe}-reference`)} court />
        <ChampTexte id={`${prefixe}-dateReference`} nom="dateReference" type="date" libelle="Date de référence" aide="AAAA-MM-JJ" valeur={v('dateReference')} erreur={erreur(erreurs, `${prefixe}-dateReference`)} />
      </div>
      <div class="activite-en-ligne">
        <ChampTexte id={`${prefixe}-cible`} nom="cible" libelle="Valeur cible (facultatif)" valeur={v('cible')} erreur={erreur(erreurs, `${prefixe}-cible`)} court />
        <ChampTexte id={`${prefixe}-dateCible`} nom="dateCible" type="date" libelle="Date cible" aide="AAAA-MM-JJ" valeur={v('dateCible')} erreur={erreur(erreurs, `${prefixe}-dateCible`)} />
      </div>
      <BoutonsRadio
        id={`${prefixe}-sens`}
        nom="sens"
        legende="L’indicateur doit"
        enLigne
        options={[
          { valeur: 'hausse', libelle: 'monter' },
          { valeur: 'baisse', libelle: 'baisser' },
        ]}
        valeur={v('sens') || 'hausse'}
        erreur={erreur(erreurs, `${prefixe}-sens`)}
      />
    </>
  )
}

function LigneIndicateur({ i, mesures, jeton, p }: { i: Indicateur; mesures: readonly Mesure[]; jeton: string; p: PropsPageIndicateurs }) {
  const derniere = mesures[0]
  const situation = situer(i, derniere?.valeur ?? null)
  const ouvert = p.formulaire === `mesure-${i.id}`
  const e = ouvert ? p.erreurs : []
  const v = (n: string) => (ouvert ? texte(p.saisie[n]) : '')
  return (
    <article class="action-pilotage" aria-labelledby={`indicateur-${i.id}`}>
      <h3 id={`indicateur-${i.id}`}>{i.libelle}</h3>
      <p>
        {i.nature === 'calcule' ? 'Calculé à partir des données de la plateforme' : `Saisi — source : ${i.source ?? ''}`} · unité : {i.unite}
      </p>
      <p>
        Dernière valeur : {derniere ? `${valeurAvecUnite(derniere.valeur, i.unite)} le ${dateLongue(derniere.date)}` : 'aucune mesure'}
        {i.valeurReference !== null && ` · référence : ${nombre(i.valeurReference)}${i.dateReference ? ` (${dateLongue(i.dateReference)})` : ''}`}
        {i.valeurCible !== null && ` · cible : ${nombre(i.valeurCible)}${i.dateCible ? ` pour le ${dateLongue(i.dateCible)}` : ''}`} · doit {i.sens === 'baisse' ? 'baisser' : 'monter'}
      </p>
      <p>
        <Progression situation={situation} />
      </p>
      {i.nature === 'saisi' && (
        <details open={ouvert}>
          <summary>Enregistrer une mesure</summary>
          <form method="post" action={`/pilotage/indicateurs/${i.id}/mesures`} novalidate>
            <ChampCache nom="jeton" valeur={jeton} />
            <div class="activite-en-ligne">
              <ChampTexte id={`mesure-date-${i.id}`} nom="date" type="date" libelle="Date" aide="AAAA-MM-JJ" valeur={v('date')} erreur={erreur(e, 'mesure-date')} />
              <ChampTexte id={`mesure-valeur-${i.id}`} nom="valeur" libelle="Valeur" valeur={v('valeur')} erreur={erreur(e, 'mesure-valeur')} court />
            </div>
            <ChampTexte id={`mesure-source-${i.id}`} nom="source" libelle="Source de la valeur" aide="D’où vient ce chiffre : un rapport, un outil, un partenaire." valeur={v('source') || (i.source ?? '')} erreur={erreur(e, 'mesure-source')} />
            <button type="submit" class="bouton bouton-secondaire">
              Enregistrer la mesure<span class="visuellement-cache"> de « {i.libelle} »</span>
            </button>
          </form>
        </details>
      )}
    </article>
  )
}

export function pageIndicateurs(p: PropsPageIndicateurs): OptionsPage {
  const parametres = CATALOGUE.flatMap((d) => (d.parametres ?? []).flatMap((par) => par.valeurs.map((v) => ({ valeur: v.valeur, libelle: `${d.libelle} — ${v.libelle}` }))))
  const calc = p.formulaire === 'calcule' ? p.saisie : {}
  const saisi = p.formulaire === 'saisi' ? p.saisie : {}
  // the measure forms' errors are linked to their own ids
  const erreursResume = p.erreurs.map((e) => (p.formulaire?.startsWith('mesure-') ? { ...e, champ: `${e.champ}-${p.formulaire.slice(7)}` } : e))
  return {
    titre: 'Indicateurs',
    fil: [{ libelle: 'Pilotage', lien: `/pilotage${q(p.cle)}` }],
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    chapo: <p>Territoire : {p.territoire.nom}</p>,
    contenu: (
      <>
        <ResumeErreurs erreurs={erreursResume} />
        <Confirmation message={p.message} />
        <h2>Indicateurs suivis</h2>
        {p.indicateurs.length === 0 ? <p>Aucun indicateur n’est encore suivi pour ce territoire.</p> : p.indicateurs.map((i) => <LigneIndicateur i={i} mesures={p.mesures.get(i.id) ?? []} jeton={p.jeton} p={p} />)}
        <form method="post" action="/pilotage/indicateurs/releve">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampCache nom="territoire" valeur={p.cle} />
          <button type="submit" class="bouton bouton-secondaire">
            Relever maintenant les valeurs des indicateurs calculés
          </button>
        </form>
        <h2>Catalogue des indicateurs calculés</h2>
        <TableauDefilant
          legende="Valeurs actuelles des indicateurs du catalogue"
          entetes={['Indicateur', 'Valeur actuelle', 'Ce qui est compté']}
          lignes={p.catalogue.map((r) => {
            const d = CATALOGUE.find((c) => c.code === r.code)
            return {
              entete: r.libelle,
              cellules: [
                r.valeur === null ? `Non calculable : ${r.raison ?? ''}` : `${valeurAvecUnite(r.valeur, r.unite)}${r.precision ? ` (${r.precision})` : ''}`,
                <details>
                  <summary>Définition, source et limites</summary>
                  <p>{d?.definition}</p>
                  <p>Source : {d?.source}</p>
                  <p>Limites : {d?.limites}</p>
                </details>,
              ],
            }
          })}
        />
        <h2>Suivre un indicateur du catalogue</h2>
        <form method="post" action="/pilotage/indicateurs" novalidate>
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampCache nom="territoire" valeur={p.cle} />
          <ChampCache nom="nature" valeur="calcule" />
          <ListeDeroulante id="calcule-code" nom="code" libelle="Indicateur" options={CATALOGUE.map((d) => ({ valeur: d.code, libelle: d.libelle }))} valeur={texte(calc['code'])} erreur={erreur(p.erreurs, 'calcule-code')} />
          <ListeDeroulante
            id="calcule-parametre"
            nom="parametre"
            libelle="Précision (pour « Lieux d’un label ou d’un dispositif » et « Bénéficiaires d’un public » seulement)"
            optionVide="Sans objet"
            options={parametres}
            valeur={texte(calc['parametre'])}
            erreur={erreur(p.erreurs, 'calcule-parametre')}
          />
          <ChampsCibles prefixe="calcule" saisie={calc} erreurs={p.formulaire === 'calcule' ? p.erreurs : []} />
          <button type="submit" class="bouton">
            Suivre cet indicateur
          </button>
        </form>
        <h2>Ajouter un indicateur saisi</h2>
        <p>Pour un chiffre que la plateforme ne connaît pas (personnes formées, équipements distribués…) : sa source est obligatoire.</p>
        <form method="post" action="/pilotage/indicateurs" novalidate>
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampCache nom="territoire" valeur={p.cle} />
          <ChampCache nom="nature" valeur="saisi" />
          <ChampTexte id="saisi-libelle" nom="libelle" libelle="Libellé" valeur={texte(saisi['libelle'])} erreur={erreur(p.erreurs, 'saisi-libelle')} longueurMax={200} />
          <ChampTexte id="saisi-unite" nom="unite" libelle="Unité" aide="personnes, %, euros, ateliers…" valeur={texte(saisi['unite'])} erreur={erreur(p.erreurs, 'saisi-unite')} court />
          <ChampTexte id="saisi-source" nom="source" libelle="Source" aide="Qui produit ce chiffre et d’où il vient." valeur={texte(saisi['source'])} erreur={erreur(p.erreurs, 'saisi-source')} longueurMax={300} />
          <ChampsCibles prefixe="saisi" saisie={saisi} erreurs={p.formulaire === 'saisi' ? p.erreurs : []} />
          <button type="submit" class="bouton">
            Ajouter l’indicateur
          </button>
        </form>
      </>
    ),
  }
}
