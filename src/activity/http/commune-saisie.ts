/**
 * A commune typed in the activity form (the place of an accompaniment at home or elsewhere, a
 * beneficiary's commune of residence) turned into its code INSEE, offline, with the search of
 * « Où ? » (`chercherCommunes`): a code INSEE (« 73065 »), « nom (code postal) » as this form
 * writes it back (« Chambéry (73000) »), « nom (département) » as the search suggests it
 * (« Chambéry (73) »), « code postal nom », a postcode or a name alone. Several candidates are
 * never guessed: the person is asked to choose, with examples written the way this form reads.
 */
import { cleCommune, type Referentiel } from '../../territories/referentiel.ts'
import { chercherCommunes, type CommuneTrouvee } from '../../territories/recherche-communes.ts'

export type CommuneResolue = { code: string } | { erreur: string }

const CODE_INSEE = /^(\d{5}|2[AB]\d{3})$/i

/** « Chambéry (73000) »: the name and the first postcode (the postcode alone when the name is not enough). */
const ecrite = (c: Pick<CommuneTrouvee, 'nom' | 'codesPostaux' | 'departement'>): string => `${c.nom} (${c.codesPostaux[0] ?? c.departement})`

const exemples = (communes: readonly CommuneTrouvee[]): string =>
  communes
    .slice(0, 3)
    .map((c) => `« ${ecrite(c)} »`)
    .join(', ')

/** Reads what was typed; `undefined` when nothing was. */
export function resoudreCommuneSaisie(texte: string, ref: Referentiel): CommuneResolue | undefined {
  const saisie = texte.trim().replace(/\s+/g, ' ')
  if (saisie === '') return undefined
  if (CODE_INSEE.test(saisie)) {
    const commune = ref.communeActuelle(saisie.toUpperCase())
    if (commune) return { code: commune.code }
  }
  let nom = saisie
  let precision: string | undefined
  const entreParentheses = saisie.match(/^(.*\S)\s*\((\d{5}|\d[\dAB]|\d{3})\)$/i)
  const codeDevant = saisie.match(/^(\d{5}) (\D.*)$/)
  if (entreParentheses) [nom, precision] = [entreParentheses[1] ?? saisie, entreParentheses[2]?.toUpperCase()]
  else if (codeDevant) [precision, nom] = [codeDevant[1], codeDevant[2] ?? saisie]

  let trouvees = chercherCommunes(nom, ref, 50)
  if (precision !== undefined) {
    const p = precision
    trouvees = trouvees.filter((c) => (p.length === 5 ? c.codesPostaux.includes(p) : c.departement === p))
  }
  if (trouvees.length === 0) {
    return {
      erreur: /^\d+$/.test(nom)
        ? `Aucune commune n’a le code postal « ${nom} » : vérifiez les 5 chiffres, ou écrivez le nom de la commune suivi de son code postal, par exemple « Chambéry (73000) ».`
        : `Nous ne trouvons pas la commune « ${saisie} » : vérifiez l’orthographe, ou écrivez son nom suivi de son code postal, par exemple « Chambéry (73000) », ou son code INSEE.`,
    }
  }
  const exactes = /^\d+$/.test(nom) ? trouvees : trouvees.filter((c) => cleCommune(c.nom) === cleCommune(nom))
  const uniques = exactes.length > 0 ? exactes : trouvees
  const [seule] = uniques
  if (uniques.length === 1 && seule) return { code: seule.code }
  return { erreur: `Plusieurs communes correspondent à « ${saisie} » : précisez laquelle, par exemple ${exemples(uniques)}.` }
}

/** How the form writes a stored code INSEE back: « nom (code postal) » when it reads back to the same code, else the code. */
export function communeEcrite(code: string, ref: Referentiel): string {
  const commune = ref.communeActuelle(code)
  if (!commune) return code
  const texte = ecrite(commune)
  const relue = resoudreCommuneSaisie(texte, ref)
  return relue && 'code' in relue && relue.code === commune.code ? texte : code
}
