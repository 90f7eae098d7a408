/**
 * The opening-hours editor of a place's form, rendered on the server and complete without
 * JavaScript: a group per day with its slots (time inputs), « Fermé les jours fériés », the
 * exceptional closures (date inputs), the « ouvert maintenant » preview with the OSM text, and
 * the advanced entry of the raw OSM text in a `<details>`. Input ids are their names, so that
 * an error summary links to them; each error sits next to its input, tied by `aria-describedby`.
 */
import type { JSX } from 'preact'
import { BoutonsRadio, CaseACocher, ChampCache } from '../../platform/ui/formulaire.tsx'
import { CHAMP_FERIES, CHAMP_MODE, CHAMP_OSM, CHAMP_OSM_ORIGINE, champCreneau, champFermeture } from './formulaire.ts'
import { CRENEAUX_PAR_JOUR, FERMETURES_MAX, NOMS_JOURS, type ErreurHoraires, type SemaineHoraires } from './modele.ts'

export interface PropsEditeurHoraires {
  /** `undefined`: the value is too complex for the simple editor, which opens in advanced mode. */
  semaine: SemaineHoraires | undefined
  /** The current OSM value. */
  osm: string
  erreurs: readonly ErreurHoraires[]
  /** The preview computed by the caller: « Ouvert maintenant · ferme à 17 h ». */
  apercu?: string | undefined
}

/** Id of the editor's group, where a problem found by the standard's validation of `horaires` may link. */
export const ID_EDITEUR_HORAIRES = 'horaires'

/** The messages of one input, in one element `${nom}-erreur`. */
function Erreur({ nom, messages }: { nom: string; messages: readonly string[] }) {
  if (messages.length === 0) return null
  return (
    <span class="message-erreur" id={`${nom}-erreur`}>
      <span class="visuellement-cache">Erreur : </span>
      {messages.join(' ')}
    </span>
  )
}

interface PropsSaisie {
  nom: string
  type: 'time' | 'date'
  /** Read by assistive technologies before the visible label: « Lundi, créneau 1, ». */
  contexte: string
  libelle: string
  valeur: string
  enErreur: boolean
}

function Saisie(p: PropsSaisie) {
  return (
    <span class="horaires-saisie">
      <label for={p.nom}>
        <span class="visuellement-cache">{p.contexte}</span>
        {p.libelle}
      </label>
      <input
        type={p.type}
        id={p.nom}
        name={p.nom}
        value={p.valeur}
        autocomplete="off"
        aria-invalid={p.enErreur ? 'true' : undefined}
        aria-describedby={p.enErreur ? `${p.nom}-erreur` : undefined}
      />
    </span>
  )
}

/** A slot or a closure: its visible number, its errors, then its two inputs (wrapping on a phone). */
function Paire(p: { numero: string; contexte: string; type: 'time' | 'date'; champs: [string, string]; libelles: [string, string]; valeurs: [string, string]; messages: (nom: string) => string[] }) {
  const [m0, m1] = [p.messages(p.champs[0]), p.messages(p.champs[1])]
  return (
    <div class={['horaires-paire', p.type === 'date' && 'horaires-dates', m0.length + m1.length > 0 && 'champ-en-erreur'].filter(Boolean).join(' ')}>
      <Erreur nom={p.champs[0]} messages={m0} />
      <Erreur nom={p.champs[1]} messages={m1} />
      <span class="horaires-numero" aria-hidden="true">
        {p.numero}
      </span>
      <Saisie nom={p.champs[0]} type={p.type} contexte={p.contexte} libelle={p.libelles[0]} valeur={p.valeurs[0]} enErreur={m0.length > 0} />
      <Saisie nom={p.champs[1]} type={p.type} contexte={p.contexte} libelle={p.libelles[1]} valeur={p.valeurs[1]} enErreur={m1.length > 0} />
    </div>
  )
}

const rang = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1)
/** A time input stops at 23:59: midnight as an end is shown 00:00 (read back as 24:00). */
const heureAffichee = (heure: string | undefined): string => (heure === '24:00' ? '00:00' : (heure ?? ''))

export function EditeurHoraires(p: PropsEditeurHoraires): JSX.Element {
  const messages = (nom: string): string[] => p.erreurs.filter((e) => e.champ === nom).map((e) => e.message)
  const erreurOsm = messages(CHAMP_OSM)
  const erreurMode = messages(CHAMP_MODE)
  const avance = p.semaine === undefined || erreurOsm.length > 0
  const ouvert = avance || erreurMode.length > 0
  return (
    <fieldset class="horaires" id={ID_EDITEUR_HORAIRES} aria-describedby="horaires-aide">
      <legend>Horaires d’ouverture</legend>
      <p class="aide" id="horaires-aide">
        Jusqu’à {CRENEAUX_PAR_JOUR} créneaux par jour, par exemple de 09:00 à 12:00 puis de 14:00 à 17:00. Laissez vides les jours de fermeture.
      </p>
      {p.semaine === undefined && (
        <p class="bandeau bandeau-attention">
          Ces horaires sont trop complexes pour la saisie par jour : ils sont dans la <a href={`#${CHAMP_OSM}`}>saisie avancée</a>, plus bas.
        </p>
      )}
      {NOMS_JOURS.map((jour, i) => (
        <fieldset class="horaires-jour">
          <legend>{jour}</legend>
          {rang(CRENEAUX_PAR_JOUR).map((n) => {
            const creneau = p.semaine?.jours[i]?.[n - 1]
            return (
              <Paire
                numero={`Créneau ${n}`}
                contexte={`${jour}, créneau ${n}, `}
                type="time"
                champs={[champCreneau(i + 1, n, 'de'), champCreneau(i + 1, n, 'a')]}
                libelles={['de', 'à']}
                valeurs={[creneau?.de ?? '', heureAffichee(creneau?.a)]}
                messages={messages}
              />
            )
          })}
        </fieldset>
      ))}
      <CaseACocher id={CHAMP_FERIES} nom={CHAMP_FERIES} libelle="Fermé les jours fériés" coche={p.semaine?.feriesFermes ?? false} />
      <fieldset class="horaires-jour" aria-describedby="horaires-fermetures-aide">
        <legend>Fermetures exceptionnelles</legend>
        <p class="aide" id="horaires-fermetures-aide">
          Par exemple des congés d’été, dates au format JJ/MM/AAAA. Pour un seul jour, indiquez la même date deux fois.
        </p>
        {rang(FERMETURES_MAX).map((k) => {
          const fermeture = p.semaine?.fermetures[k - 1]
          return (
            <Paire
              numero={`Fermeture ${k}`}
              contexte={`Fermeture exceptionnelle ${k}, `}
              type="date"
              champs={[champFermeture(k, 'du'), champFermeture(k, 'au')]}
              libelles={['du', 'au']}
              valeurs={[fermeture?.du ?? '', fermeture?.au ?? '']}
              messages={messages}
            />
          )
        })}
      </fieldset>
      {p.apercu !== undefined && (
        <p class="horaires-apercu" role="status">
          Aperçu : <strong>{p.apercu}</strong>
        </p>
      )}
      <p class="discret">
        Format OpenStreetMap : {p.osm === '' ? 'aucun horaire' : <code class="casse-partout">{p.osm}</code>}
      </p>
      <details open={ouvert}>
        <summary>Saisie avancée (format OpenStreetMap)</summary>
        {p.semaine === undefined && (
          <p>
            Ces horaires sont trop complexes pour la saisie par jour (par exemple plus de {CRENEAUX_PAR_JOUR} créneaux dans une journée, des horaires selon les semaines ou les saisons, un commentaire).
            Modifiez-les ici, ou choisissez la saisie par jour pour les remplacer par les créneaux indiqués plus haut.
          </p>
        )}
        <BoutonsRadio
          id={CHAMP_MODE}
          nom={CHAMP_MODE}
          legende="Horaires à enregistrer"
          valeur={avance ? 'avance' : 'simple'}
          erreur={erreurMode.length > 0 ? erreurMode.join(' ') : undefined}
          options={[
            { valeur: 'simple', libelle: 'Saisie par jour : les créneaux indiqués plus haut' },
            { valeur: 'avance', libelle: 'Saisie avancée : le texte au format OpenStreetMap ci-dessous' },
          ]}
        />
        <div class={erreurOsm.length > 0 ? 'champ champ-en-erreur' : 'champ'}>
          <label for={CHAMP_OSM}>Horaires au format OpenStreetMap</label>
          <span class="aide" id={`${CHAMP_OSM}-aide`}>
            Par exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off. Les jours s’écrivent en anglais (Mo, Tu, We, Th, Fr, Sa, Su) ; PH désigne les jours fériés.
          </span>
          <Erreur nom={CHAMP_OSM} messages={erreurOsm} />
          <textarea
            id={CHAMP_OSM}
            name={CHAMP_OSM}
            rows={3}
            spellcheck={false}
            autocapitalize="off"
            autocomplete="off"
            aria-invalid={erreurOsm.length > 0 ? 'true' : undefined}
            aria-describedby={erreurOsm.length > 0 ? `${CHAMP_OSM}-aide ${CHAMP_OSM}-erreur` : `${CHAMP_OSM}-aide`}
          >
            {p.osm}
          </textarea>
        </div>
        <ChampCache nom={CHAMP_OSM_ORIGINE} valeur={p.osm} />
      </details>
    </fieldset>
  )
}
