/**
 * The place-editing form of the workspace, rendered on the server, following the standard's
 * fields grouped as a person thinks of them: identity, address, contact, hours (the hours
 * editor), presentation, services and publics. Works without JavaScript: « Enregistrer » posts
 * `action=enregistrer`, « Voir l’aperçu des horaires » posts `action=apercu` to show the form
 * again with the computed hours and the « ouvert maintenant » preview. Input ids are the field
 * names, so that the error summary links to them. `id`, `source` and `date_maj` are not inputs.
 */
import type { JSX } from 'preact'
import { LIBELLES_CHAMPS, LONGUEUR_MAX_RESUME } from '../../places/standard/fields.ts'
import { ChampCache, ChampTexte, ZoneTexte } from '../../platform/ui/formulaire.tsx'
import { EditeurHoraires } from '../horaires/editeur.tsx'
import type { ErreurHoraires } from '../horaires/formulaire.ts'
import type { SemaineHoraires } from '../horaires/modele.ts'
import { BoutonsFiche, Groupe, ListeACocher, ResumeErreursFiche } from './elements.tsx'
import type { ErreurChamp, ValeursFiche } from './lecture.ts'
import { rangDuChamp, type ChampACocher } from './champs.ts'

export interface PropsFormulaireFiche {
  /** Where the form posts. */
  action: string
  /** Anti-forgery token, sent back in the hidden input `jeton`. */
  jeton: string
  valeurs: ValeursFiche
  erreurs: readonly ErreurChamp[]
  horaires: { semaine: SemaineHoraires | undefined; osm: string; erreurs: readonly ErreurHoraires[]; apercu?: string | undefined }
  /** Default « Enregistrer ». */
  titreBouton?: string
}

const obligatoire = (champ: 'adresse' | 'code_postal' | 'commune') => `${LIBELLES_CHAMPS[champ]} (obligatoire)`

/** The form's errors, then the hours editor's that the caller did not already include. */
function toutesLesErreurs(p: PropsFormulaireFiche): ErreurChamp[] {
  const erreurs = [...p.erreurs]
  for (const e of p.horaires.erreurs) {
    if (!erreurs.some((f) => f.champ === e.champ && f.message.includes(e.message))) erreurs.push({ champ: e.champ, message: e.message })
  }
  return erreurs.sort((a, b) => rangDuChamp(a.champ) - rangDuChamp(b.champ))
}

export function FormulaireFiche(p: PropsFormulaireFiche): JSX.Element {
  const texte = (champ: string): string => {
    const v = p.valeurs[champ]
    return Array.isArray(v) ? v.join('\n') : (v ?? '')
  }
  const erreur = (champ: string): string | undefined => {
    const messages = p.erreurs.filter((e) => e.champ === champ).map((e) => e.message)
    return messages.length > 0 ? messages.join(' ') : undefined
  }
  const simple = (champ: keyof typeof LIBELLES_CHAMPS) => ({ id: champ, nom: champ, libelle: LIBELLES_CHAMPS[champ], valeur: texte(champ), erreur: erreur(champ) })
  const liste = (champ: ChampACocher, aide?: string) => {
    const v = p.valeurs[champ]
    return <ListeACocher champ={champ} valeurs={v === undefined ? [] : Array.isArray(v) ? v : [v]} erreur={erreur(champ)} aide={aide} />
  }

  return (
    <form method="post" action={p.action} novalidate class="fiche-formulaire">
      <ResumeErreursFiche erreurs={toutesLesErreurs(p)} />
      <ChampCache nom="jeton" valeur={p.jeton} />
      <p class="discret">Les champs marqués « obligatoire » doivent être remplis ; tous les autres sont facultatifs.</p>

      <Groupe legende="Identité">
        <ChampTexte {...simple('nom')} libelle="Nom du lieu (obligatoire)" />
        <ChampTexte {...simple('pivot')} aide="SIRET de l’établissement (14 chiffres) ou RNA de l’association (W suivi de 9 caractères). Laissez vide si vous ne le connaissez pas." />
        {liste('typologie', 'Le type de structure qui accueille le lieu ; cochez-en une ou plusieurs.')}
        <ChampTexte {...simple('structure_parente')} aide="La structure dont dépend le lieu, par exemple la commune pour une médiathèque." />
      </Groupe>

      <Groupe legende="Adresse">
        <ChampTexte {...simple('adresse')} libelle={obligatoire('adresse')} aide="Numéro et nom de la voie, par exemple 12 rue de la République." autocomplete="off" />
        <ChampTexte {...simple('complement_adresse')} aide="Bâtiment, étage, lieu-dit…" autocomplete="off" />
        <ChampTexte {...simple('code_postal')} libelle={obligatoire('code_postal')} court longueurMax={10} autocomplete="off" />
        <ChampTexte {...simple('commune')} libelle={obligatoire('commune')} autocomplete="off" />
        <ChampTexte {...simple('code_insee')} court longueurMax={10} aide="Facultatif : il est complété d’après la commune et le code postal." />
        <details open={erreur('latitude') !== undefined}>
          <summary>Coordonnées GPS (facultatif)</summary>
          <ChampTexte {...simple('latitude')} court aide="En degrés décimaux, par exemple 45.5646." />
          <ChampTexte {...simple('longitude')} court aide="En degrés décimaux, par exemple 5.9178." />
        </details>
      </Groupe>

      <Groupe legende="Contact">
        <ChampTexte {...simple('telephone')} type="tel" aide="Un seul numéro, par exemple 04 79 31 19 19." />
        <ZoneTexte {...simple('courriels')} lignes={3} aide="Une adresse par ligne." />
        <ZoneTexte {...simple('site_web')} lignes={3} aide="Une adresse par ligne, par exemple https://www.mairie-chambery.fr." />
        <ChampTexte {...simple('prise_rdv')} type="url" aide="La page où prendre rendez-vous en ligne." />
        <ChampTexte {...simple('fiche_acces_libre')} type="url" aide="La fiche du lieu sur acceslibre.beta.gouv.fr, qui décrit son accessibilité." />
      </Groupe>

      {/* the editor is its own group, legend « Horaires d’ouverture », id `horaires` */}
      <EditeurHoraires semaine={p.horaires.semaine} osm={p.horaires.osm} erreurs={p.horaires.erreurs} apercu={p.horaires.apercu} />

      <Groupe legende="Présentation">
        <ZoneTexte {...simple('presentation_resume')} lignes={3} longueurMax={LONGUEUR_MAX_RESUME} aide={`En une ou deux phrases, ${LONGUEUR_MAX_RESUME} caractères au plus : ce texte apparaît dans les résultats de recherche.`} />
        <ZoneTexte {...simple('presentation_detail')} lignes={8} aide="Tout ce qui aide à venir : l’accueil, les ateliers, ce qu’il faut apporter." />
      </Groupe>

      <Groupe legende="Services et publics">
        {liste('services', 'Ce que les personnes peuvent faire ou apprendre dans ce lieu.')}
        {liste('publics_specifiquement_adresses', 'Seulement si le lieu s’adresse en particulier à ces publics ; sinon ne cochez rien : il accueille tout le monde.')}
        {liste('prise_en_charge_specifique', 'Les situations que l’équipe sait accompagner.')}
        {liste('frais_a_charge', 'Cochez plusieurs cases si les services n’ont pas tous le même tarif.')}
        {liste('modalites_acces', 'Comment venir ou prendre contact.')}
        {liste('modalites_accompagnement')}
        {liste('dispositif_programmes_nationaux', 'Les dispositifs nationaux dont le lieu fait partie.')}
        {liste('formations_labels', 'Les formations suivies par l’équipe et les labels du lieu.')}
        {liste('itinerance', '« Itinérant » : le lieu se déplace (bus, permanences dans plusieurs communes).')}
        <ZoneTexte {...simple('autres_formations_labels')} lignes={3} aide="D’autres formations ou labels, un par ligne." />
      </Groupe>

      <BoutonsFiche titre={p.titreBouton ?? 'Enregistrer'} />
    </form>
  )
}
