/**
 * The search forms of orientation, all in GET so that every state is a URL: the start form
 * (needs as large boxes grouped by theme, free text, « Où ? »), the refine form of the results
 * page (every filter, in a `<details>`), and the widget's compact form. « Autour de moi » and
 * the commune suggestions are added by the enhancement script; without it the forms work as is.
 */
import {
  DISPOSITIF_PROGRAMMES_NATIONAUX,
  MODALITES_ACCOMPAGNEMENT,
  PRISE_EN_CHARGE_SPECIFIQUE,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
} from '../../places/standard/enumerations.ts'
import { Bouton, BoutonsRadio, CaseACocher, CasesACocher, ChampCache, ChampTexte, ListeDeroulante } from '../../platform/ui/formulaire.tsx'
import { GROUPES } from '../besoins.ts'
import { RAYONS_KM } from '../recherche.ts'
import { LONGUEUR_MAX, type ErreurParametre, type EtatRecherche } from './etat.ts'
import type { LieuRecherche } from './lieu.ts'

const erreurDe = (erreurs: readonly ErreurParametre[], champ: string) => erreurs.find((e) => e.champ === champ)?.message

/** Free text: what the person needs, in their words. */
function ChampQ({ valeur, libelle }: { valeur: string; libelle: string }) {
  return <ChampTexte id="texte-besoin" nom="q" type="search" libelle={libelle} aide="Par exemple : impôts, carte grise, Ameli, médiathèque" valeur={valeur} longueurMax={LONGUEUR_MAX} />
}

/**
 * « Où ? »: a commune or a postcode; the commune code and the position travel in hidden fields
 * once known; « Autour de moi » (hidden until the script shows it) fills `lat`/`lon`.
 */
export function ChampOu({ etat, lieu, erreur }: { etat: EtatRecherche; lieu?: LieuRecherche | undefined; erreur?: string | undefined }) {
  const valeur = lieu?.type === 'commune' ? lieu.libelle : lieu?.type === 'position' ? '' : etat.ou
  return (
    <div class="ou-groupe">
      <ChampTexte
        id="ou"
        nom="ou"
        libelle="Commune ou code postal"
        aide={lieu?.type === 'position' ? 'Vous cherchez autour de votre position. Pour chercher ailleurs, indiquez une commune.' : 'Par exemple : Chambéry ou 73000'}
        valeur={valeur}
        erreur={erreur}
        autocomplete="address-level2"
        longueurMax={LONGUEUR_MAX}
      />
      {lieu?.type === 'commune' && <ChampCache nom="commune" valeur={lieu.commune.code} />}
      {lieu?.type === 'position' && (
        <>
          <ChampCache nom="lat" valeur={etat.lat} />
          <ChampCache nom="lon" valeur={etat.lon} />
        </>
      )}
      <p class="autour">
        <button type="button" class="bouton bouton-secondaire" data-autour hidden>
          Autour de moi
        </button>{' '}
        <span class="aide" data-autour-message role="status" />
      </p>
    </div>
  )
}

export function FormulaireDepart({ etat }: { etat: EtatRecherche }) {
  const choisis = new Set(etat.besoins)
  return (
    <form class="orientation" method="get" action="/recherche">
      {GROUPES.map((groupe) => (
        <CasesACocher
          id={`besoin-${groupe.id}`}
          nom="besoin"
          legende={groupe.libelle}
          larges
          valeurs={[...choisis]}
          options={groupe.besoins.map((b) => ({ valeur: b.id, libelle: b.libelle, aide: b.exemples }))}
        />
      ))}
      <ChampQ valeur={etat.q} libelle="Ou décrivez votre besoin" />
      <fieldset class="champ">
        <legend>
          <h2>Où ?</h2>
        </legend>
        <ChampOu etat={etat} lieu={etat.lat && etat.lon && !etat.ou ? { type: 'position', point: { latitude: Number(etat.lat), longitude: Number(etat.lon), approximative: false } } : undefined} />
      </fieldset>
      <Bouton>Trouver un lieu</Bouton>
    </form>
  )
}

const JOURS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']

export interface PropsAffiner {
  chemin: string
  etat: EtatRecherche
  lieu: LieuRecherche
  /** The radius chosen from the density of places (shown as the default choice). */
  rayonChoisi: number | null
  erreurs: readonly ErreurParametre[]
  /** Hidden territory of the widget. */
  territoire?: string | undefined
}

/**
 * Every filter of the search, in a `<details>` open only when a value is wrong: on a phone the
 * results come first; the filters in use are listed above in plain words.
 */
export function FormulaireAffiner({ chemin, etat, lieu, rayonChoisi, erreurs, territoire }: PropsAffiner) {
  const ouvert = erreurs.length > 0
  const rayons: string[] = RAYONS_KM.map(String)
  if (etat.rayon && !rayons.includes(etat.rayon)) rayons.push(etat.rayon)
  return (
    <details class="affiner" open={ouvert}>
      <summary>Modifier ou affiner la recherche</summary>
      <form class="recherche" method="get" action={chemin} aria-label="Affiner la recherche">
        {territoire && <ChampCache nom="territoire" valeur={territoire} />}
        <CasesACocher
          id="besoin"
          nom="besoin"
          legende="Vos besoins"
          enLigne
          valeurs={etat.besoins}
          options={GROUPES.flatMap((g) => g.besoins.map((b) => ({ valeur: b.id, libelle: b.libelle })))}
        />
        <ChampQ valeur={etat.q} libelle="Votre besoin en quelques mots" />
        <ChampOu etat={etat} lieu={lieu} erreur={erreurDe(erreurs, 'ou')} />
        <ListeDeroulante
          id="rayon"
          nom="rayon"
          libelle="Distance maximale"
          valeur={etat.rayon}
          erreur={erreurDe(erreurs, 'rayon')}
          optionVide={rayonChoisi !== null ? `Automatique (${rayonChoisi} km, selon le nombre de lieux proches)` : 'Automatique (selon le nombre de lieux proches)'}
          options={rayons.map((r) => ({ valeur: r, libelle: `${r} km` }))}
        />
        <BoutonsRadio
          id="ouvert"
          nom="ouvert"
          legende="Horaires"
          enLigne
          valeur={etat.ouvert}
          erreur={erreurDe(erreurs, 'ouvert')}
          options={[
            { valeur: '', libelle: 'Peu importe' },
            { valeur: 'maintenant', libelle: 'Ouvert maintenant' },
            { valeur: 'creneau', libelle: 'Ouvert un jour et à une heure choisis' },
          ]}
        />
        <div class="recherche-creneau">
          <ListeDeroulante
            id="jour"
            nom="jour"
            libelle="Jour"
            valeur={etat.jour}
            erreur={erreurDe(erreurs, 'jour')}
            optionVide="Choisir un jour"
            options={JOURS.map((j, i) => ({ valeur: String(i + 1), libelle: j }))}
          />
          <div class="ligne">
            <ChampTexte id="de" nom="de" type="time" court libelle="À partir de" aide="Par exemple 09:00" valeur={etat.de} />
            <ChampTexte id="a" nom="a" type="time" court libelle="Jusqu’à" aide="Par exemple 12:00" valeur={etat.a} />
          </div>
        </div>
        <fieldset class="champ">
          <legend>Conditions d’accueil</legend>
          <CaseACocher id="gratuit" nom="gratuit" libelle="Gratuit" coche={etat.gratuit} />
          <CaseACocher id="sans_rdv" nom="sans_rdv" libelle="Sans rendez-vous (on peut se présenter)" coche={etat.sansRdv} />
          <CaseACocher id="accessibilite" nom="accessibilite" libelle="Informations d’accessibilité disponibles (fiche Accès libre)" coche={etat.accessibilite} />
        </fieldset>
        <CasesACocher
          id="accompagnement"
          nom="accompagnement"
          legende="Façon d’être accompagné"
          enLigne
          valeurs={etat.accompagnement}
          options={MODALITES_ACCOMPAGNEMENT.map((v) => ({ valeur: v, libelle: v }))}
        />
        <CasesACocher id="public" nom="public" legende="Lieux qui accueillent en particulier" enLigne valeurs={etat.publics} options={PUBLICS_SPECIFIQUEMENT_ADRESSES.map((v) => ({ valeur: v, libelle: v }))} />
        <CasesACocher
          id="prise_en_charge"
          nom="prise_en_charge"
          legende="Accueil adapté"
          enLigne
          valeurs={etat.prises}
          options={PRISE_EN_CHARGE_SPECIFIQUE.map((v) => ({ valeur: v, libelle: v }))}
        />
        <CasesACocher
          id="dispositif"
          nom="dispositif"
          legende="Programmes nationaux"
          enLigne
          valeurs={etat.dispositifs}
          options={DISPOSITIF_PROGRAMMES_NATIONAUX.map((v) => ({ valeur: v, libelle: v }))}
        />
        <Bouton>Mettre à jour les résultats</Bouton>
      </form>
    </details>
  )
}

/** The widget's form: one need (a list), words, « Où ? ». */
export function FormulaireWidget({ etat, lieu }: { etat: EtatRecherche; lieu?: LieuRecherche | undefined }) {
  return (
    <form class="recherche" method="get" action="/widget" aria-label="Trouver un lieu">
      {etat.territoire && <ChampCache nom="territoire" valeur={etat.territoire} />}
      <div class="champ">
        <label for="besoin">Votre besoin</label>
        <select id="besoin" name="besoin">
          <option value="">Choisir (facultatif)</option>
          {GROUPES.map((g) => (
            <optgroup label={g.libelle}>
              {g.besoins.map((b) => (
                <option value={b.id} selected={etat.besoins[0] === b.id}>
                  {b.libelle}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <ChampQ valeur={etat.q} libelle="Ou en quelques mots" />
      <ChampOu etat={etat} lieu={lieu} />
      <Bouton>Trouver un lieu</Bouton>
    </form>
  )
}
