/**
 * The activity form — an individual accompaniment or a collective workshop — rendered on the
 * server with La Coop's fields, labels and hints, in the order a mediator fills them in on a
 * phone: who, when and how long, where, thematics, material, then the rest. Works without
 * JavaScript: every block is always there (the administrative thematics too, refused by the
 * server without their parent thematic), the optional ones folded in `<details>` that open when
 * they hold a value or an error. Input ids are the field names, so that the error summary at
 * the top links to them; each error is also written next to its field.
 */
import type { JSX } from 'preact'
import { BoutonsRadio, CaseACocher, CasesACocher, ChampCache, ChampTexte, ListeDeroulante, ZoneTexte, type Option } from '../../platform/ui/formulaire.tsx'
import { Groupe, ResumeErreursFiche } from '../../workspace/fiche/elements.tsx'
import type { ErreurChamp } from '../domain/validation.ts'
import {
  AUTONOMIES, DUREE_PERSONNALISEE, DUREES_PREDEFINIES, GENRES, MATERIELS, NIVEAUX_ATELIER, STATUTS_SOCIAUX, STRUCTURES_REDIRECTION,
  THEMATIQUES, THEMATIQUES_DEMARCHE, TRANCHES_AGE, TYPES_LIEU, type Terme, type TypeActivite,
} from '../domain/vocabulaire.ts'
import { AIDES_DEMARCHES, AIDES_THEMATIQUES } from './aides.ts'
import { COMPTEURS, libelleDuree, type ChampsActivite } from './formulaire-activite.ts'

export interface LieuPropose {
  uid: number
  nom: string
  commune: string
}

export interface BeneficiairePropose {
  id: string
  libelle: string
}

export interface PropsFormulaireActivite {
  action: string
  jeton: string
  type: TypeActivite
  valeurs: ChampsActivite
  erreurs: readonly ErreurChamp[]
  lieux: readonly LieuPropose[]
  /** The followed beneficiaries the mediator may choose. */
  beneficiaires: readonly BeneficiairePropose[]
  titreBouton: string
}

export const NOTE_SENSIBLE = 'Il est interdit de stocker des informations sensibles (données de santé, mots de passe, etc).'
const SEULEMENT_DEMARCHES = 'seulement avec Aide aux démarches administratives'

const options = (vocabulaire: readonly Terme[]): Option[] => vocabulaire.map((t) => ({ valeur: t.valeur, libelle: t.libelle }))
const avecNonRenseigne = (vocabulaire: readonly Terme[]): Option[] => [...options(vocabulaire), { valeur: '', libelle: 'Non renseigné' }]

/** La Coop's hints of a long list, folded under it so that the boxes stay one line each on a phone. */
function Aides({ resume, vocabulaire, aides }: { resume: string; vocabulaire: readonly Terme[]; aides: Record<string, string> }) {
  return (
    <details class="activite-aides">
      <summary>{resume}</summary>
      <dl>
        {vocabulaire.map((t) => (
          <>
            <dt>{t.libelle}</dt>
            <dd>{aides[t.valeur]}</dd>
          </>
        ))}
      </dl>
    </details>
  )
}

export function FormulaireActivite(p: PropsFormulaireActivite): JSX.Element {
  const v = (nom: string): string => {
    const x = p.valeurs[nom]
    return Array.isArray(x) ? (x[0] ?? '') : (x ?? '')
  }
  const l = (nom: string): string[] => {
    const x = p.valeurs[nom]
    return x === undefined ? [] : Array.isArray(x) ? x : [x]
  }
  const erreur = (id: string): string | undefined => p.erreurs.find((e) => e.champ === id)?.message
  const texte = (id: string, libelle: string, aide?: string) => ({ id, nom: id, libelle, aide, valeur: v(id), erreur: erreur(id) })
  const individuel = p.type === 'individuel'
  const suivis = (ids: readonly string[]): BeneficiairePropose[] => [
    ...p.beneficiaires,
    // a participant already recorded but no longer listed stays, so that saving does not drop them
    ...ids.filter((id) => !p.beneficiaires.some((b) => b.id === id)).map((id) => ({ id, libelle: 'Bénéficiaire suivi (identité non visible)' })),
  ]

  return (
    <form method="post" action={p.action} novalidate class="fiche-formulaire activite-formulaire">
      <ResumeErreursFiche erreurs={p.erreurs} />
      <ChampCache nom="jeton" valeur={p.jeton} />
      <ChampCache nom="type" valeur={p.type} />
      <p class="discret">Seules la date, la durée, le lieu et au moins une thématique sont obligatoires.</p>

      {individuel ? (
        <Groupe legende="Bénéficiaire">
          {suivis(l('beneficiaireSuivi')).length > 0 ? (
            <ListeDeroulante
              {...texte('beneficiaireSuivi', 'Bénéficiaire suivi')}
              aide="Laissez « Bénéficiaire anonyme » si la personne n’a pas de fiche de suivi."
              optionVide="Bénéficiaire anonyme"
              options={suivis(l('beneficiaireSuivi')).map((b) => ({ valeur: b.id, libelle: b.libelle }))}
            />
          ) : (
            <p>Le bénéficiaire est enregistré de façon anonyme.</p>
          )}
          <details open={['anonyme_dejaAccompagne', 'anonyme_genre', 'anonyme_trancheAge', 'anonyme_statutSocial', 'anonyme_communeResidence'].some((id) => erreur(id) !== undefined || (v(id) !== '' && v(id) !== 'non_communique'))}>
            <summary>Informations optionnelles sur le bénéficiaire</summary>
            <p class="aide">Vous pouvez renseigner des informations anonymes sur le bénéficiaire pour compléter vos statistiques (seulement sans bénéficiaire suivi).</p>
            <div class={erreur('anonyme_dejaAccompagne') !== undefined ? 'champ champ-en-erreur' : 'champ'}>
              {erreur('anonyme_dejaAccompagne') !== undefined && <span class="message-erreur">{erreur('anonyme_dejaAccompagne')}</span>}
              <CaseACocher id="anonyme_dejaAccompagne" nom="anonyme_dejaAccompagne" libelle="J’ai déjà accompagné ce bénéficiaire" aide="Il ne sera pas compté comme un nouveau bénéficiaire." coche={v('anonyme_dejaAccompagne') !== ''} />
            </div>
            <BoutonsRadio id="anonyme_genre" nom="anonyme_genre" legende="Genre" options={options(GENRES)} valeur={v('anonyme_genre') || 'non_communique'} erreur={erreur('anonyme_genre')} enLigne />
            <ListeDeroulante {...texte('anonyme_trancheAge', 'Tranche d’âge')} valeur={v('anonyme_trancheAge') || 'non_communique'} options={options(TRANCHES_AGE)} />
            <ListeDeroulante {...texte('anonyme_statutSocial', 'Statut social')} valeur={v('anonyme_statutSocial') || 'non_communique'} options={options(STATUTS_SOCIAUX)} />
            <ChampTexte {...texte('anonyme_communeResidence', 'Commune de résidence du bénéficiaire', 'Son nom suivi du code postal, par exemple « Chambéry (73000) », ou son code INSEE.')} autocomplete="off" />
          </details>
        </Groupe>
      ) : (
        <Groupe legende="Atelier et participants">
          <ChampTexte {...texte('titreAtelier', 'Titre de l’atelier')} longueurMax={200} />
          <ChampTexte {...texte('participants_total', 'Bénéficiaires anonymes', 'Le nombre de participants sans fiche de suivi.')} court modeSaisie="numeric" />
          <ChampTexte {...texte('participants_dejaAccompagne', 'Bénéficiaires déjà accompagnés', 'Parmi les bénéficiaires anonymes.')} court modeSaisie="numeric" />
          <details open={COMPTEURS.slice(2).some((c) => v(c.nom) !== '' || erreur(c.nom) !== undefined)}>
            <summary>Répartition des bénéficiaires anonymes (facultatif)</summary>
            <p class="aide">Pour chaque répartition, la somme ne peut pas dépasser le nombre de bénéficiaires anonymes.</p>
            {(
              [
                ['genre', 'Genre', GENRES],
                ['trancheAge', 'Tranche d’âge', TRANCHES_AGE],
                ['statutSocial', 'Statut social', STATUTS_SOCIAUX],
              ] as const
            ).map(([cle, legende, vocabulaire]) => {
              const premier = `participants_${cle}_${vocabulaire[0].valeur}`
              return (
                <fieldset class={erreur(premier) !== undefined ? 'champ champ-en-erreur' : 'champ'}>
                  <legend>{legende}</legend>
                  {erreur(premier) !== undefined && <span class="message-erreur">{erreur(premier)}</span>}
                  <div class="activite-en-ligne">
                    {vocabulaire.map((t) => {
                      const id = `participants_${cle}_${t.valeur}`
                      return <ChampTexte {...texte(id, t.libelle)} erreur={id === premier ? undefined : erreur(id)} court modeSaisie="numeric" />
                    })}
                  </div>
                </fieldset>
              )
            })}
          </details>
          {suivis(l('beneficiairesSuivis')).length > 0 && (
            <CasesACocher
              id="beneficiairesSuivis"
              nom="beneficiairesSuivis"
              legende="Bénéficiaires suivis"
              aide="Les participants qui ont une fiche de suivi."
              options={suivis(l('beneficiairesSuivis')).map((b) => ({ valeur: b.id, libelle: b.libelle }))}
              valeurs={l('beneficiairesSuivis')}
              erreur={erreur('beneficiairesSuivis')}
            />
          )}
        </Groupe>
      )}

      <Groupe legende="Date et durée">
        <ChampTexte {...texte('date', individuel ? 'Date de l’accompagnement' : 'Date de l’atelier')} type="date" />
        <BoutonsRadio
          id="duree"
          nom="duree"
          legende="Durée"
          options={[...DUREES_PREDEFINIES.map((d) => ({ valeur: d.valeur, libelle: libelleDuree(d.minutes) })), { valeur: DUREE_PERSONNALISEE.valeur, libelle: DUREE_PERSONNALISEE.libelle }]}
          valeur={v('duree')}
          erreur={erreur('duree')}
          enLigne
        />
        <fieldset class="activite-duree">
          <legend>Durée personnalisée (avec « Personnaliser »)</legend>
          <div class="activite-en-ligne">
            <ChampTexte {...texte('duree_heures', 'Heures')} court modeSaisie="numeric" />
            <ChampTexte {...texte('duree_minutes', 'Minutes')} court modeSaisie="numeric" />
          </div>
        </fieldset>
      </Groupe>

      <Groupe legende="Lieu">
        <BoutonsRadio id="typeLieu" nom="typeLieu" legende="Lieu de l’accompagnement" options={options(TYPES_LIEU)} valeur={v('typeLieu')} erreur={erreur('typeLieu')} enLigne />
        <ListeDeroulante
          {...texte('lieu', 'Lieu d’activité', 'Où a eu lieu l’accompagnement ; à domicile, à distance ou ailleurs : le lieu d’activité dont il relève.')}
          options={p.lieux.map((x) => ({ valeur: String(x.uid), libelle: `${x.nom} (${x.commune})` }))}
          optionVide={p.lieux.length > 1 ? 'Choisir un lieu' : undefined}
        />
        <ChampTexte {...texte('commune', 'Commune', 'Seulement à domicile ou dans un autre lieu : son nom suivi du code postal, par exemple « Chambéry (73000) », ou son code INSEE.')} autocomplete="off" />
      </Groupe>

      <Groupe legende="Thématiques">
        <CasesACocher id="thematiques" nom="thematiques" legende="Thématique(s) d’accompagnement de médiation numérique" aide="Au moins une." options={options(THEMATIQUES)} valeurs={l('thematiques')} erreur={erreur('thematiques')} />
        <Aides resume="Ce que recouvre chaque thématique" vocabulaire={THEMATIQUES} aides={AIDES_THEMATIQUES} />
        <CasesACocher id="thematiquesDemarche" nom="thematiquesDemarche" legende="Thématique(s) de la démarche administrative" aide={SEULEMENT_DEMARCHES} options={options(THEMATIQUES_DEMARCHE)} valeurs={l('thematiquesDemarche')} erreur={erreur('thematiquesDemarche')} />
        <Aides resume="Exemples de démarches et d’organismes" vocabulaire={THEMATIQUES_DEMARCHE} aides={AIDES_DEMARCHES} />
        <ChampTexte {...texte('precisionsDemarche', 'Préciser le nom de la démarche administrative réalisée', SEULEMENT_DEMARCHES)} longueurMax={500} />
      </Groupe>

      <CasesACocher id="materiel" nom="materiel" legende="Matériel numérique utilisé" options={options(MATERIELS)} valeurs={l('materiel')} erreur={erreur('materiel')} enLigne />

      {individuel ? (
        <>
          <BoutonsRadio id="autonomie" nom="autonomie" legende="Niveau d’autonomie du bénéficiaire" options={avecNonRenseigne(AUTONOMIES)} valeur={v('autonomie')} erreur={erreur('autonomie')} />
          <BoutonsRadio
            id="orienteVersStructure"
            nom="orienteVersStructure"
            legende="Le bénéficiaire est-il orienté vers une autre structure ?"
            aide="Avec « Oui », vous pourrez ensuite adresser la personne à un lieu précis et suivre son orientation."
            options={[{ valeur: 'oui', libelle: 'Oui' }, { valeur: 'non', libelle: 'Non' }]}
            valeur={v('orienteVersStructure') || 'non'}
            erreur={erreur('orienteVersStructure')}
            enLigne
          />
          <ListeDeroulante {...texte('structureDeRedirection', 'Structure de redirection', 'Seulement si le bénéficiaire est orienté vers une autre structure.')} options={options(STRUCTURES_REDIRECTION)} optionVide="Non renseignée" />
        </>
      ) : (
        <BoutonsRadio id="niveau" nom="niveau" legende="Niveau de l’atelier" options={avecNonRenseigne(NIVEAUX_ATELIER)} valeur={v('niveau')} erreur={erreur('niveau')} enLigne />
      )}

      <ZoneTexte {...texte('notes', individuel ? 'Notes sur l’accompagnement' : 'Notes sur l’atelier', NOTE_SENSIBLE)} lignes={4} longueurMax={10_000} />

      <div class="fiche-boutons">
        <button type="submit" class="bouton">
          {p.titreBouton}
        </button>
      </div>
    </form>
  )
}
