/**
 * « Signaler une erreur » on a place (`/lieux/:uid/signaler`): the form (what is wrong, a
 * message, an optional contact said to be optional and used only to answer), the same form
 * with the errors (summary at the top, message at each field, values kept), the confirmation
 * page, and the page of a form sent without its anti-forgery token.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { ResumeErreurs, type ErreurFormulaire } from '../../platform/ui/avis.tsx'
import { Bouton, CasesACocher, ChampCache, ChampTexte, ZoneTexte } from '../../platform/ui/formulaire.tsx'
import { RUBRIQUES } from '../signalements.ts'

export interface LieuSignale {
  uid: number
  nom: string
}

export interface ValeursSignalement {
  rubriques: string[]
  message: string
  contact: string
}

export const VALEURS_VIDES: ValeursSignalement = { rubriques: [], message: '', contact: '' }

const fil = (lieu: LieuSignale, dernier: string) => [
  { libelle: 'Accueil', lien: '/' },
  { libelle: lieu.nom, lien: `/lieux/${lieu.uid}` },
  { libelle: dernier },
]

export function pageSignaler(lieu: LieuSignale, valeurs: ValeursSignalement, erreurs: readonly ErreurFormulaire[], jeton: string): OptionsPage {
  const erreur = (champ: string) => erreurs.find((e) => e.champ === champ)?.message
  return {
    titre: 'Signaler une erreur',
    titreDocument: `Signaler une erreur : ${lieu.nom}`,
    enErreur: erreurs.length > 0,
    statut: erreurs.length > 0 ? 400 : 200,
    fil: fil(lieu, 'Signaler une erreur'),
    chapo: (
      <p>
        Une information sur <a href={`/lieux/${lieu.uid}`}>{lieu.nom}</a> est inexacte ou a changé ? Dites-le nous : l’équipe qui tient
        cette liste la vérifiera et la corrigera.
      </p>
    ),
    contenu: (
      <>
        <ResumeErreurs erreurs={erreurs} />
        <form method="post" action={`/lieux/${lieu.uid}/signaler`} aria-label="Signaler une erreur">
          <ChampCache nom="jeton" valeur={jeton} />
          <CasesACocher
            id="rubriques"
            nom="rubriques"
            legende="Qu’est-ce qui est inexact ?"
            aide="Cochez une ou plusieurs cases."
            valeurs={valeurs.rubriques}
            erreur={erreur('rubriques')}
            options={Object.entries(RUBRIQUES).map(([valeur, libelle]) => ({ valeur, libelle }))}
          />
          <ZoneTexte
            id="message"
            nom="message"
            libelle="Décrivez l’erreur"
            aide="Par exemple : le lieu est maintenant ouvert le samedi matin. N’écrivez pas d’informations personnelles."
            valeur={valeurs.message}
            erreur={erreur('message')}
            longueurMax={2000}
          />
          <ChampTexte
            id="contact"
            nom="contact"
            libelle="Votre adresse électronique ou votre téléphone (facultatif)"
            aide="Facultatif : laissez-le seulement si vous souhaitez une réponse. Il servira uniquement à vous répondre."
            valeur={valeurs.contact}
            erreur={erreur('contact')}
            autocomplete="email"
            longueurMax={200}
          />
          <Bouton>Envoyer le signalement</Bouton>
        </form>
      </>
    ),
  }
}

export function pageMerci(lieu: LieuSignale): OptionsPage {
  return {
    titre: 'Merci, votre signalement est bien envoyé',
    fil: fil(lieu, 'Signalement envoyé'),
    contenu: (
      <>
        <p>L’équipe qui tient la liste des lieux va vérifier l’information et corriger la fiche si besoin.</p>
        <p>Si vous avez laissé un contact, elle pourra vous répondre.</p>
        <ul class="actions">
          <li>
            <a href={`/lieux/${lieu.uid}`}>Revenir à la fiche de {lieu.nom}</a>
          </li>
          <li>
            <a href="/">Chercher un autre lieu</a>
          </li>
        </ul>
      </>
    ),
  }
}

/** A report sent without the token of our form (another site, or an expired page). */
export function pageJetonInvalide(lieu: LieuSignale): OptionsPage {
  return {
    statut: 403,
    titre: 'Le formulaire n’a pas pu être envoyé',
    enErreur: true,
    fil: fil(lieu, 'Signaler une erreur'),
    contenu: (
      <>
        <p>
          Pour votre sécurité, nous n’acceptons que les signalements envoyés depuis le formulaire de ce site. La page était peut-être
          ouverte depuis longtemps, ou les cookies sont bloqués.
        </p>
        <p>
          <a href={`/lieux/${lieu.uid}/signaler`}>Ouvrir à nouveau le formulaire</a>
        </p>
      </>
    ),
  }
}
