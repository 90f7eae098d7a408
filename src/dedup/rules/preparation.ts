/**
 * Everything the rules read from one place, computed once per place and kept on the place
 * object itself (a hidden, non-enumerable symbol property: JSON, spreading and `Object.keys`
 * do not see it; cheaper than a `WeakMap`, which stays the fallback for frozen objects): with a
 * few pairs per place, names, streets and contacts are normalised once per place, not once per
 * pair. A `FicheComparee` is therefore read as immutable once compared.
 */
import { lireVoies, type Voie } from './adresse.ts'
import { contactsComparables, type ContactsComparables } from './contacts.ts'
import { communeDeBlocage, rna, siren, siret, type FicheComparee } from './fiche.ts'
import { motsDesCommunes, peser, preparerNom, type MotDuNom, type NomPrepare } from './noms.ts'
import { motsNormalises } from './texte.ts'
import { estFranceServices, estItinerant, typologiesDe, type Typologies } from './typologies.ts'

export interface Preparee {
  nom: NomPrepare
  /** The name's words weighed against its own commune. */
  motsPeses: readonly MotDuNom[]
  /** Words of the commune's name, weighed down in names; `cleMotsCommune` tells two such sets apart. */
  motsCommune: ReadonlySet<string>
  cleMotsCommune: string
  /** Commune code with arrondissements folded, or null. */
  commune: string | null
  /** `cleDeCommune` of the commune's name, when codes disagree. */
  cleNomCommune: string
  voies: readonly Voie[]
  typologies: Typologies
  guichet: boolean
  itinerant: boolean
  siret: string | null
  siren: string | null
  rna: string | null
  contacts: ContactsComparables
}

const PREPAREE = Symbol('preparee')
type AvecPreparation = FicheComparee & { [PREPAREE]?: Preparee }
/** For frozen places, which cannot carry the property. */
const secours = new WeakMap<FicheComparee, Preparee>()

interface CommunePreparee {
  mots: ReadonlySet<string>
  cleMots: string
  cleNom: string
}

/** Places of one commune share its words: read once per commune name as written. */
const communes = new Map<string, CommunePreparee>()

function preparerCommune(commune: string): CommunePreparee {
  let preparee = communes.get(commune)
  if (!preparee) {
    const mots = motsDesCommunes([commune])
    preparee = { mots, cleMots: [...mots].sort().join(' '), cleNom: cleDeCommune(commune) }
    if (communes.size > 50_000) communes.clear()
    communes.set(commune, preparee)
  }
  return preparee
}

/**
 * Key of a commune's name: « ST-JEAN-DE-MAURIENNE CEDEX 2 », « Saint Jean de Maurienne » and
 * « Saint-Jean-de-Maurienne » share it (like the referential's `cleCommune`, in one pass).
 */
export function cleDeCommune(commune: string): string {
  let cle = ''
  for (const mot of motsNormalises(commune)) {
    if (mot === 'cedex') break
    if (/^\d/.test(mot) || mot === 'arrondissement' || mot === 'arr') continue
    cle += mot === 'st' ? 'saint' : mot === 'ste' ? 'sainte' : mot
  }
  return cle
}

export function preparer(fiche: FicheComparee): Preparee {
  const deja = (fiche as AvecPreparation)[PREPAREE] ?? secours.get(fiche)
  if (deja) return deja
  const nom = preparerNom(fiche.nom)
  const texteNom = nom.texte
  const typologies = typologiesDe(fiche, texteNom)
  const commune = preparerCommune(fiche.commune)
  const preparee: Preparee = {
    nom,
    motsPeses: peser(nom.mots, commune.mots).sort((x, y) => y.poids - x.poids),
    motsCommune: commune.mots,
    cleMotsCommune: commune.cleMots,
    commune: communeDeBlocage(fiche.code_insee),
    cleNomCommune: commune.cleNom,
    voies: lireVoies(fiche.adresse, fiche.complement_adresse),
    typologies,
    guichet: estFranceServices(fiche, typologies),
    itinerant: estItinerant(fiche.nom, texteNom),
    siret: siret(fiche),
    siren: siren(fiche),
    rna: rna(fiche),
    contacts: contactsComparables(fiche),
  }
  if (Object.isExtensible(fiche)) Object.defineProperty(fiche, PREPAREE, { value: preparee, enumerable: false, writable: false, configurable: false })
  else secours.set(fiche, preparee)
  return preparee
}
