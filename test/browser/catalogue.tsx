/**
 * Every component of the design system on one page, in its ordinary and error states, for the
 * accessibility checks of components that no public page uses yet (form fields, notices).
 */
import { Bandeau, ResumeErreurs } from '../../src/platform/ui/avis.tsx'
import type { ContextePage } from '../../src/platform/ui/contexte.ts'
import { Etiquettes, ListeDescriptions, Tableau } from '../../src/platform/ui/donnees.tsx'
import { Bouton, CasesACocher, ChampTexte, ListeDeroulante } from '../../src/platform/ui/formulaire.tsx'
import { Page } from '../../src/platform/ui/layout.tsx'
import { Pagination } from '../../src/platform/ui/navigation.tsx'
import { rendreDocument } from '../../src/platform/ui/rendu.ts'

const OPTIONS = [
  { valeur: 'a', libelle: 'Aide aux démarches administratives' },
  { valeur: 'b', libelle: 'Accès internet et matériel informatique' },
  { valeur: 'c', libelle: 'Utilisation sécurisée du numérique' },
]

export function catalogue(): string {
  const contexte: ContextePage = { nomTerritoire: 'Catalogue', demo: true, chemin: '/catalogue' }
  return rendreDocument(
    Page({
      contexte,
      titre: 'Composants',
      enErreur: true,
      fil: [{ libelle: 'Accueil', lien: '/' }, { libelle: 'Composants' }],
      children: (
        <>
          <ResumeErreurs
            erreurs={[
              { message: 'Indiquez votre adresse électronique.', champ: 'courriel' },
              { message: 'Choisissez au moins un service.', champ: 'services' },
            ]}
          />
          <Bandeau titre="Information">
            <p>Un avis ordinaire.</p>
          </Bandeau>
          <Bandeau type="attention">
            <p>Un avis d'attention.</p>
          </Bandeau>
          <Bandeau type="succes">
            <p>Un avis de réussite.</p>
          </Bandeau>
          <form method="get" action="/catalogue">
            <ChampTexte id="nom" nom="nom" libelle="Nom" aide="Tel qu'il figure sur la façade" valeur="Médiathèque" />
            <ChampTexte id="courriel" nom="courriel" type="email" libelle="Adresse électronique" erreur="Indiquez votre adresse électronique." autocomplete="email" />
            <ListeDeroulante id="frais" nom="frais" libelle="Frais" optionVide="Tous" options={OPTIONS} valeur="b" />
            <ListeDeroulante id="frais2" nom="frais2" libelle="Frais (erreur)" erreur="Choisissez une valeur." options={OPTIONS} />
            <CasesACocher id="services" nom="services" legende="Services" aide="Plusieurs choix possibles" erreur="Choisissez au moins un service." options={OPTIONS} valeurs={['c']} />
            <Bouton>Envoyer</Bouton> <Bouton secondaire>Annuler</Bouton>
          </form>
          <h2>Données</h2>
          <Etiquettes elements={['Démarches en ligne', 'Sécurité']} libelle="Services" />
          <ListeDescriptions elements={[{ terme: 'Frais à charge', definition: 'Gratuit' }, null, { terme: 'Modalités', definition: 'Se présenter' }]} />
          <Tableau
            legende="Horaires"
            entetes={['Jour', 'Horaires']}
            lignes={[
              { entete: 'Lundi', cellules: ['9 h – 12 h'] },
              { entete: "Mardi (aujourd'hui)", cellules: ['Fermé'], actuelle: true },
            ]}
          />
          <Pagination page={5} pages={12} lien={(n) => `/catalogue?page=${n}`} />
        </>
      ),
    }),
  )
}
