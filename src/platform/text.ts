/**
 * Text helpers shared by every capability: comparison keys that ignore case, accents,
 * punctuation and plurals; HTML and whitespace clean-up; a small edit distance.
 */

const ENTITES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', laquo: '«', raquo: '»',
  eacute: 'é', egrave: 'è', ecirc: 'ê', agrave: 'à', acirc: 'â', ccedil: 'ç', ocirc: 'ô', ucirc: 'û', icirc: 'î',
  euml: 'ë', iuml: 'ï', hellip: '…', ndash: '–', mdash: '—', deg: '°', oelig: 'œ', Eacute: 'É',
}

export function decoderEntites(texte: string): string {
  return texte.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (tout, nom: string) => {
    if (nom.startsWith('#')) {
      const code = nom[1] === 'x' || nom[1] === 'X' ? parseInt(nom.slice(2), 16) : parseInt(nom.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : tout
    }
    return ENTITES[nom] ?? ENTITES[nom.toLowerCase()] ?? tout
  })
}

/** Multi-line text: HTML tags and entities removed, markdown escapes undone, blank lines collapsed. */
/** Anything `nettoyerTexte` would change; most values have none and are returned as they are. */
const A_NETTOYER = /[<&\\\r\t\u00a0\u202f\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\n\s*\n\s*\n| {2}|^\s|\s$|[ ]\n|\n[ ]/

export function nettoyerTexte(valeur: unknown): string | null {
  if (valeur === null || valeur === undefined) return null
  let texte = String(valeur)
  if (!A_NETTOYER.test(texte)) return texte === '' ? null : texte
  if (/[<&\\]/.test(texte)) {
    texte = texte
      .replace(/<\s*br\s*\/?\s*>/gi, '\n')
      .replace(/<\/\s*(p|div|li|h[1-6])\s*>/gi, '\n')
      .replace(/<[a-z/!][^<>]*>/gi, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    texte = decoderEntites(texte)
  }
  texte = texte
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '') // control characters (NUL breaks PostgreSQL text)
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0\u202f ]+/g, ' ')
    .split('\n')
    .map((ligne) => ligne.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return texte === '' ? null : texte
}

/** Single-line text: as `nettoyerTexte`, line breaks become spaces. */
export function nettoyerLigne(valeur: unknown): string | null {
  const texte = nettoyerTexte(valeur)
  return texte === null || !texte.includes('\n') ? texte : texte.replace(/\s*\n\s*/g, ' ')
}

export function sansAccents(texte: string): string {
  return texte.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
}

/**
 * Comparison key: lower case, no accents, ligatures unfolded, words of 4 letters or more lose
 * a final « s », punctuation and spaces removed. « Seniors (+ 65 ans) » and « seniors (+65 ans) »
 * share the key `senior65an`.
 */
export function cle(texte: string): string {
  return mots(texte).join('')
}

/** The words of `cle`, kept apart. */
export function mots(texte: string): string[] {
  return sansAccents(texte.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae'))
    .split(/[^a-z0-9]+/)
    .filter((mot) => mot !== '')
    .map((mot) => (mot.length >= 4 && mot.endsWith('s') ? mot.slice(0, -1) : mot))
}

/** Levenshtein distance, stopping early once it exceeds `plafond`. */
export function distanceEdition(a: string, b: string, plafond = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > plafond) return plafond + 1
  let precedente = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const courante = [i]
    let minimum = i
    for (let j = 1; j <= b.length; j++) {
      const valeur = Math.min(
        (precedente[j] ?? 0) + 1,
        (courante[j - 1] ?? 0) + 1,
        (precedente[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      courante.push(valeur)
      if (valeur < minimum) minimum = valeur
    }
    if (minimum > plafond) return plafond + 1
    precedente = courante
  }
  return precedente[b.length] ?? 0
}

/** The candidate closest to `texte` by comparison key, if close enough to be a plausible typo. */
export function plusProche(texte: string, candidats: readonly string[]): string | undefined {
  const cible = cle(texte)
  if (cible.length < 5) return undefined
  const plafond = Math.max(2, Math.floor(cible.length * 0.25))
  let meilleur: string | undefined
  let meilleureDistance = plafond + 1
  for (const candidat of candidats) {
    const d = distanceEdition(cible, cle(candidat), plafond)
    if (d < meilleureDistance) {
      meilleur = candidat
      meilleureDistance = d
    }
  }
  return meilleur
}
