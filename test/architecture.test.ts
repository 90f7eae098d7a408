/**
 * The shape of the code, checked like the national map's dependency-cruiser rules, without the
 * weight: no import cycle, pure domain rules never reach I/O, capabilities never reach into each
 * other's insides, the platform knows no capability but where it composes them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src')

function fichiers(dossier: string): string[] {
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = path.join(dossier, nom)
    if (statSync(chemin).isDirectory()) return fichiers(chemin)
    return /\.(ts|tsx|mjs)$/.test(nom) && !/\.test\.tsx?$/.test(nom) ? [chemin] : []
  })
}

const relatif = (chemin: string) => path.relative(SRC, chemin).split(path.sep).join('/')

/** Local imports of each source file (static and dynamic), as paths relative to src/. */
const graphe = new Map<string, string[]>()
for (const fichier of fichiers(SRC)) {
  const texte = readFileSync(fichier, 'utf8')
  const cibles = [...texte.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => relatif(path.resolve(path.dirname(fichier), m[1] ?? '')))
  graphe.set(relatif(fichier), cibles)
}

/** Who may import whom: [importer prefix, forbidden target prefixes, reason]. */
const INTERDITS: Array<[string, string[], string]> = [
  ['places/standard/', ['places/validation/', 'places/io/', 'places/registry/', 'places/pages/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/'], 'le vocabulaire du standard est pur'],
  ['places/validation/', ['places/io/', 'places/registry/', 'places/pages/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/'], 'les règles de validation sont pures (aucune entrée-sortie)'],
  ['places/io/', ['places/registry/', 'places/pages/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/'], 'lire et écrire des fichiers ne touche pas à la base'],
  ['territories/', ['places/', 'geo/', 'orientation/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/'], 'le référentiel géographique ne dépend d’aucune capacité'],
  ['geo/', ['places/', 'orientation/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/'], 'les positions des communes ne connaissent ni les lieux, ni le web, ni la ligne de commande'],
  ['orientation/', ['cli/', 'demo/'], 'l’orientation ne connaît ni la ligne de commande ni la démonstration'],
  ['places/', ['orientation/', 'geo/'], 'le registre ne dépend pas de l’orientation'],
  ['places/registry/', ['places/pages/', 'platform/http/', 'platform/ui/', 'cli/'], 'le registre ne connaît ni le web ni la ligne de commande'],
  ['platform/text', ['places/', 'territories/', 'demo/', 'cli/', 'platform/db/', 'platform/http/'], 'les outils de texte sont neutres'],
  ['platform/db/', ['places/', 'territories/', 'demo/', 'cli/', 'platform/http/', 'platform/ui/'], 'la base ne connaît aucune capacité'],
  ['platform/ui/', ['places/', 'territories/', 'demo/', 'cli/', 'platform/db/'], 'le système de design ne connaît aucune capacité'],
  ['platform/ui/cartes/', ['places/', 'territories/', 'geo/', 'demo/', 'cli/', 'platform/db/', 'platform/http/', 'pilotage/', 'activity/', 'accounts/', 'workspace/', 'coordination/', 'orientation/'], 'les cartes reçoivent des données simples, sans connaître de capacité'],
  ['places/readers/', ['places/io/', 'places/registry/', 'places/pages/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'dedup/'], 'les lecteurs de sources sont purs (aucune entrée-sortie)'],
  ['places/merge/', ['places/io/', 'places/registry/', 'places/pages/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'dedup/'], 'les règles de survie des champs sont pures'],
  ['dedup/rules/', ['places/io/', 'places/registry/', 'places/pages/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'coordination/', 'dedup/service', 'dedup/fusion', 'dedup/examen', 'dedup/decisions'], 'les règles de dédoublonnage sont pures'],
  ['quality/', ['places/io/', 'places/registry/', 'places/pages/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'dedup/', 'coordination/'], 'le score de qualité est pur'],
  ['dedup/', ['places/pages/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'coordination/', 'orientation/'], 'le dédoublonnage ne connaît ni le web ni la ligne de commande'],
  ['coordination/', ['cli/', 'demo/', 'orientation/'], 'la coordination ne connaît ni la ligne de commande ni l’orientation'],
  ['demo/', ['places/pages/', 'platform/http/', 'platform/ui/', 'cli/'], 'la démonstration ne connaît ni le web ni la ligne de commande'],
  ['accounts/secrets/', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'accounts/store/', 'accounts/http/', 'workspace/', 'coordination/', 'audit/', 'mail/'], 'les secrets (TOTP, mots de passe, jetons) sont du code pur'],
  ['accounts/roles', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'accounts/store/', 'accounts/http/', 'workspace/'], 'les règles d’autorisation sont pures'],
  ['accounts/', ['cli/', 'demo/', 'workspace/', 'coordination/', 'orientation/', 'dedup/'], 'les comptes ne connaissent ni l’espace de travail ni la coordination'],
  ['accounts/store/', ['platform/http/', 'platform/ui/', 'accounts/http/'], 'le stockage des comptes ne connaît pas le web'],
  ['audit/', ['accounts/', 'workspace/', 'coordination/', 'platform/http/', 'platform/ui/', 'cli/', 'mail/'], 'le journal d’audit ne dépend d’aucune capacité'],
  ['mail/', ['accounts/', 'workspace/', 'places/', 'coordination/', 'platform/http/', 'platform/ui/', 'cli/', 'audit/'], 'le courrier ne dépend d’aucune capacité'],
  ['workspace/horaires/', ['platform/db/', 'platform/http/', 'cli/', 'accounts/', 'workspace/fiche/', 'workspace/routes', 'workspace/ecriture'], 'l’éditeur d’horaires est pur (rendu et lecture de formulaire)'],
  ['workspace/fiche/', ['platform/db/', 'platform/http/', 'cli/', 'accounts/', 'workspace/routes', 'workspace/ecriture'], 'le formulaire d’un lieu est pur (rendu et lecture de formulaire)'],
  ['workspace/', ['cli/', 'demo/', 'coordination/', 'dedup/'], 'l’espace de travail ne connaît ni la ligne de commande ni la coordination'],
  ['activity/domain/', ['activity/store/', 'activity/http/', 'activity/stats/', 'activity/import/', 'platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'accounts/', 'workspace/', 'coordination/'], 'le vocabulaire et les règles de l’activité (La Coop) sont purs'],
  ['pilotage/diagnostic/domaine/', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'accounts/', 'activity/', 'geo/', 'orientation/index', 'orientation/service', 'pilotage/diagnostic/lecture', 'pilotage/diagnostic/routes', 'pilotage/fragilite/'], 'le moteur du diagnostic et les zones blanches sont purs'],
  ['pilotage/fragilite/domaine/', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'accounts/', 'places/'], 'la lecture d’une ligne de l’IFN est pure'],
  ['pilotage/diagnostic/', ['cli/', 'demo/'], 'le diagnostic ne connaît ni la ligne de commande ni la démonstration'],
  ['pilotage/fragilite/', ['cli/', 'demo/', 'platform/http/', 'platform/ui/'], 'l’import de l’IFN ne connaît ni le web ni la ligne de commande'],
  ['pilotage/acteurs/domaine/', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'accounts/', 'audit/', 'places/io/', 'places/registry/', 'pilotage/acteurs/store/', 'pilotage/acteurs/import/', 'pilotage/acteurs/http/'], 'les règles des acteurs (vocabulaire, validation, fusion) sont pures'],
  ['pilotage/acteurs/store/', ['platform/http/', 'platform/ui/', 'cli/', 'demo/', 'pilotage/acteurs/http/'], 'le stockage des acteurs ne connaît pas le web'],
  ['pilotage/acteurs/import/', ['platform/http/', 'platform/ui/', 'cli/', 'demo/', 'pilotage/acteurs/http/'], 'l’import des acteurs ne connaît ni le web ni la ligne de commande'],
  ['pilotage/acteurs/', ['cli/', 'demo/'], 'la cartographie des acteurs ne connaît ni la ligne de commande ni la démonstration'],
  ['pilotage/feuille-de-route/domaine/', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'accounts/', 'audit/', 'pilotage/feuille-de-route/store', 'pilotage/feuille-de-route/http/', 'pilotage/indicateurs/'], 'les règles de la feuille de route (statuts, retard, montants, cibles, formulaires) sont pures'],
  ['pilotage/indicateurs/catalogue/', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/', 'accounts/', 'audit/', 'places/io/', 'places/registry/', 'activity/store/', 'pilotage/diagnostic/lecture', 'pilotage/diagnostic/index', 'pilotage/indicateurs/store', 'pilotage/indicateurs/donnees', 'pilotage/indicateurs/http/'], 'le catalogue des indicateurs est fait de petites fonctions pures'],
  ['pilotage/indicateurs/import/lecture', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/', 'demo/'], 'la lecture des QPV et de la grille de densité est pure'],
  ['pilotage/evaluation/export', ['platform/db/', 'platform/http/', 'platform/ui/', 'cli/'], 'le rapport d’évaluation en lignes de tableur est pur'],
  ['pilotage/', ['cli/', 'demo/'], 'le pilotage ne connaît ni la ligne de commande ni la démonstration'],
  ['platform/http/acces', ['accounts/', 'workspace/', 'coordination/', 'places/', 'orientation/'], 'les règles d’accès des routes sont génériques'],
  ['platform/http/jeton', ['accounts/', 'workspace/', 'coordination/', 'places/', 'orientation/'], 'la protection des formulaires est générique'],
  ['platform/http/cookies', ['accounts/', 'workspace/', 'coordination/', 'places/', 'orientation/'], 'les cookies sont génériques'],
]

describe('architecture', () => {
  it('chaque fichier importé existe', () => {
    const absents = [...graphe].flatMap(([de, vers]) => vers.filter((v) => !graphe.has(v)).map((v) => `${de} → ${v}`))
    expect(absents).toEqual([])
  })

  it('aucune couche ne va où elle ne doit pas', () => {
    const ecarts: string[] = []
    for (const [de, vers] of graphe) {
      for (const [prefixe, interdits, raison] of INTERDITS) {
        if (!de.startsWith(prefixe)) continue
        for (const cible of vers) if (interdits.some((i) => cible.startsWith(i))) ecarts.push(`${de} → ${cible} (${raison})`)
      }
      // the platform only knows capabilities where it composes them: the HTTP server
      if (de.startsWith('platform/') && de !== 'platform/http/server.ts') {
        for (const cible of vers) if (/^(places|territories|demo|cli|geo|orientation|dedup|quality|coordination)\//.test(cible)) ecarts.push(`${de} → ${cible} (la plateforme ne connaît pas les capacités)`)
      }
    }
    expect(ecarts).toEqual([])
  })

  it('aucun cycle d’imports', () => {
    const cycles: string[] = []
    const etat = new Map<string, 'en cours' | 'fini'>()
    const visiter = (noeud: string, chemin: string[]) => {
      if (etat.get(noeud) === 'fini') return
      if (etat.get(noeud) === 'en cours') {
        cycles.push([...chemin.slice(chemin.indexOf(noeud)), noeud].join(' → '))
        return
      }
      etat.set(noeud, 'en cours')
      for (const suivant of graphe.get(noeud) ?? []) visiter(suivant, [...chemin, noeud])
      etat.set(noeud, 'fini')
    }
    for (const noeud of graphe.keys()) visiter(noeud, [])
    expect(cycles).toEqual([])
  })

  it('chaque fichier commence par un commentaire qui dit ce qu’il fait', () => {
    const sansEntete = [...graphe.keys()].filter((f) => !/^\s*(\/\*\*|\/\/)/.test(readFileSync(path.join(SRC, f), 'utf8')))
    expect(sansEntete).toEqual([])
  })
})
