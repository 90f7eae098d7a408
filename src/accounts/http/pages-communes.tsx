/**
 * Pages shared by the signed-in areas: access refused (403), a form sent without its
 * anti-forgery token (403), too many attempts (429), and the workspace's navigation with the
 * sign-out button shown at the top of every workspace page.
 */
import type { ComponentChildren } from 'preact'
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau } from '../../platform/ui/avis.tsx'
import { ChampCache } from '../../platform/ui/formulaire.tsx'
import { aLeRole, estAdministrateur, type Compte } from '../roles.ts'

export function pageAccesRefuse(): OptionsPage {
  return {
    titre: 'Accès refusé',
    statut: 403,
    contenu: (
      <>
        <p>Votre compte ne permet pas d’ouvrir cette page. Si vous pensez que c’est une erreur, demandez à votre coordinateur ou à l’administrateur de la plateforme de vous donner le rôle nécessaire.</p>
        <p>
          <a href="/espace">Revenir à mon espace</a>
        </p>
      </>
    ),
  }
}

export function pageFormulaireExpire(): OptionsPage {
  return {
    titre: 'Formulaire expiré',
    statut: 403,
    contenu: (
      <>
        <p>Ce formulaire a expiré ou ne vient pas de ce site : rien n’a été enregistré. Revenez à la page précédente, rechargez-la, puis recommencez.</p>
        <p>
          <a href="/">Revenir à l’accueil</a>
        </p>
      </>
    ),
  }
}

/** « Try again in N minutes. » */
export const dansMinutes = (secondes: number) => {
  const minutes = Math.max(1, Math.ceil(secondes / 60))
  return `${minutes} minute${minutes > 1 ? 's' : ''}`
}

export function pageTropDEssais(secondes: number, retour = '/connexion'): OptionsPage {
  return {
    titre: 'Trop d’essais',
    statut: 429,
    contenu: (
      <>
        <p>Pour protéger les comptes, les essais sont limités. Réessayez dans {dansMinutes(secondes)}.</p>
        <p>
          <a href={retour}>Revenir au formulaire</a>
        </p>
      </>
    ),
  }
}

interface LienEspace {
  lien: string
  libelle: string
  visible: (c: Compte) => boolean
}

const GERE = (c: Compte) => aLeRole(c, 'administrateur') || aLeRole(c, 'coordinateur') || aLeRole(c, 'gestionnaire')
const COORDONNE = (c: Compte) => aLeRole(c, 'administrateur') || aLeRole(c, 'coordinateur')

const LIENS: readonly LienEspace[] = [
  { lien: '/espace', libelle: 'Tableau de bord', visible: () => true },
  { lien: '/espace/lieux', libelle: 'Lieux', visible: GERE },
  { lien: '/espace/signalements', libelle: 'Signalements', visible: GERE },
  { lien: '/espace/activites', libelle: 'Mes activités', visible: (c) => aLeRole(c, 'mediateur') },
  { lien: '/espace/beneficiaires', libelle: 'Bénéficiaires', visible: (c) => aLeRole(c, 'mediateur') },
  { lien: '/espace/orientations', libelle: 'Orientations', visible: (c) => aLeRole(c, 'mediateur') || aLeRole(c, 'gestionnaire') },
  { lien: '/espace/statistiques', libelle: 'Statistiques', visible: () => true },
  { lien: '/espace/equipe', libelle: 'Équipe', visible: COORDONNE },
  { lien: '/coordination', libelle: 'Doublons et sources', visible: COORDONNE },
  { lien: '/pilotage', libelle: 'Pilotage', visible: COORDONNE },
  { lien: '/pilotage/acteurs', libelle: 'Acteurs', visible: COORDONNE },
  { lien: '/admin/comptes', libelle: 'Administration', visible: estAdministrateur },
  { lien: '/compte', libelle: 'Mon compte', visible: () => true },
]

/** The workspace's own navigation and the sign-out button. */
export function NavigationEspace({ compte, chemin, jeton }: { compte: Compte; chemin: string; jeton: string }) {
  return (
    <div class="barre-espace">
      <nav aria-label="Espace professionnel">
        <ul>
          {LIENS.filter((l) => l.visible(compte)).map((l) => (
            <li>
              <a href={l.lien} aria-current={chemin === l.lien ? 'page' : chemin.startsWith(`${l.lien}/`) && l.lien !== '/espace' ? 'true' : undefined}>
                {l.libelle}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="post" action="/deconnexion" class="deconnexion">
        <ChampCache nom="jeton" valeur={jeton} />
        <span>{compte.nom || compte.courriel}</span> <button type="submit" class="bouton bouton-secondaire">Se déconnecter</button>
      </form>
    </div>
  )
}

/** Confirmation banners, chosen by `?fait=<clé>` after a redirect. */
export function Confirmation({ message }: { message: string | undefined }): ComponentChildren {
  if (!message) return null
  return (
    <Bandeau type="succes">
      <p role="status">{message}</p>
    </Bandeau>
  )
}

/** A page of the signed-in area with the workspace's navigation on top. */
export function avecNavigation(page: OptionsPage, compte: Compte, chemin: string, jeton: string): OptionsPage {
  return { ...page, espace: true, avant: <NavigationEspace compte={compte} chemin={chemin} jeton={jeton} /> }
}
