/**
 * The frame around every page: skip link, header (territory name, main navigation, demo
 * banner) and footer. Landmarks: `header` (banner), `nav`, `footer` (contentinfo).
 */
import type { ContextePage } from './contexte.ts'

export const ID_CONTENU = 'contenu'

export function LienEvitement() {
  return (
    <a class="evitement" href={`#${ID_CONTENU}`}>
      Aller au contenu
    </a>
  )
}

const LIENS: ReadonlyArray<{ lien: string; libelle: string }> = [
  { lien: '/', libelle: 'Accueil' },
  { lien: '/lieux', libelle: 'Lieux de médiation numérique' },
]

/** `page` on the exact page, `true` inside its section (`/lieux/12` is in `/lieux`). */
function courant(chemin: string, lien: string): 'page' | 'true' | undefined {
  if (chemin === lien) return 'page'
  if (lien !== '/' && chemin.startsWith(`${lien}/`)) return 'true'
  return undefined
}

export function BandeauDemo() {
  return (
    <div class="bandeau bandeau-attention bandeau-demo">
      <p class="conteneur">Données de démonstration : ces lieux sont fictifs.</p>
    </div>
  )
}

export function EnTete({ contexte }: { contexte: ContextePage }) {
  return (
    <header>
      <div class="entete">
        <div class="conteneur">
          <a class="marque" href="/">
            {contexte.nomTerritoire}
            <span>Inclusion numérique — Aiguillage</span>
          </a>
          <nav class="navigation" aria-label="Navigation principale">
            <ul>
              {LIENS.map(({ lien, libelle }) => (
                <li>
                  <a href={lien} aria-current={courant(contexte.chemin, lien)}>
                    {libelle}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
      {contexte.demo && <BandeauDemo />}
    </header>
  )
}

export function PiedDePage({ contexte }: { contexte: ContextePage }) {
  return (
    <footer class="pied">
      <div class="conteneur">
        <p>{contexte.nomTerritoire} — organisation territoriale de l'inclusion numérique.</p>
        <p>
          Vous gérez un lieu ou coordonnez le territoire ? <a href="/espace">Espace professionnel</a>
        </p>
        <p class="discret">
          Service propulsé par Aiguillage, logiciel libre (licence AGPL-3.0). Les lieux sont décrits selon le schéma national des
          lieux de médiation numérique et réutilisables librement : <a href="/api">données ouvertes et API</a>.
        </p>
      </div>
    </footer>
  )
}
