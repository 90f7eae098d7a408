/**
 * Reading orientation pages in tests: the results of a page (name, distance, status, link), the
 * total in its heading, compressed sizes as a browser would receive them.
 */
import { request } from 'node:http'
import { texte, tous } from '../http/serveur-de-test.ts'

export interface ResultatLu {
  rang: number
  nom: string
  lien: string
  /** « à 1,2 km » as shown, or ''. */
  distance: string
  /** Kilometres read from the distance (metres converted), or NaN. */
  km: number
  statut: string
  telephone: string | undefined
  gratuit: boolean
}

/** The results (`<ol class="resultats …">`) of a page. */
export function resultats(html: string): ResultatLu[] {
  const liste = html.match(/<ol class="resultats resultats-orientation"[^>]*>(.*?)<\/ol>/s)?.[1] ?? ''
  return liste
    .split('<li><span class="rang">')
    .slice(1)
    .map((item) => {
      const distance = texte(item.match(/<strong class="distance">(.*?)<\/strong>/)?.[1] ?? '')
      const nombre = Number(distance.replace(/[^\d,]/g, '').replace(',', '.'))
      return {
        rang: Number(item.match(/^(\d+)/)?.[1]),
        nom: texte(item.match(/<h3><a [^>]*>(.*?)<\/a><\/h3>/)?.[1] ?? ''),
        lien: (item.match(/<h3><a href="([^"]*)"/)?.[1] ?? '').replace(/&amp;/g, '&'),
        distance,
        km: distance === '' ? Number.NaN : distance.endsWith(' m') ? nombre / 1000 : nombre,
        statut: texte(item.match(/<p class="statut[^"]*">(.*?)<\/p>/)?.[1] ?? ''),
        telephone: item.match(/<a href="(tel:[^"]+)"/)?.[1],
        gratuit: item.includes('<span class="gratuit">Gratuit</span>'),
      }
    })
}

/** The number of places in the results heading (`<h2 id="resultats">12 lieux …`), 0 when « Aucun lieu trouvé ». */
export function total(html: string): number {
  if (html.includes('<h2>Aucun lieu trouvé</h2>')) return 0
  const titre = texte(html.match(/<h2 id="resultats">(.*?)<\/h2>/)?.[1] ?? '')
  const n = titre.match(/^([\d\s]+) lieux?/)?.[1]
  if (n === undefined) throw new Error(`total introuvable : ${titre}`)
  return Number(n.replace(/\s/g, ''))
}

/** Links of a page, decoded (`&amp;` → `&`). */
export const liens = (html: string, motif: RegExp): string[] => tous(html, motif).map((l) => l.replace(/&amp;/g, '&'))

/** Bytes on the wire of a GET with `Accept-Encoding: gzip` (headers excluded), and its encoding. */
export function octetsCompresses(url: string): Promise<{ octets: number; encodage: string | undefined; statut: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let octets = 0
      res.on('data', (morceau: Buffer) => (octets += morceau.length))
      res.on('end', () => resolve({ octets, encodage: res.headers['content-encoding'], statut: res.statusCode ?? 0 }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}
