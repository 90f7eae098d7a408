/**
 * Generates plausible places on the standard v1.0.2, deterministically (same seed, same places),
 * from real communes: the demo territory of `npm start`, and any number of places (10k, 100k,
 * 1M) for benchmarks and tests. Nothing here is a real place or a real person: phone numbers
 * are in the ranges ARCEP reserves for fiction, web and e-mail domains end in `.example`.
 */
import { SERVICES } from '../places/standard/enumerations.ts'
import { aujourdhuiParis } from '../places/validation/date-maj.ts'
import type { CommuneSituee } from './positions.ts'

/** mulberry32: a small, fast, seedable pseudo-random generator. */
export function aleatoire(graine: number): () => number {
  let a = graine >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Hasard = () => number
const choisir = <T>(h: Hasard, liste: readonly T[]): T => liste[Math.floor(h() * liste.length)] as T
const sousEnsemble = <T>(h: Hasard, liste: readonly T[], probabilite: number): T[] => liste.filter(() => h() < probabilite)

interface Modele {
  nom: (commune: string, h: Hasard) => string
  typologie: string[]
  poids: number
  services: readonly string[]
  dispositifs?: readonly string[]
  itinerant?: boolean
}

const [DEMARCHES, OUTILS, INSERTION, SECURITE, PARENTALITE, LOISIRS, COMPREHENSION, ACCES, EQUIPEMENT] = SERVICES

const ASSOCIATIONS = ['Les Connectés', 'Clic et Partage', 'Numérique Solidaire', 'Le Lien', 'Entraide Numérique', 'Pas à Pas', 'Les Petits Débrouillards', 'Relais Solidarité']
const CENTRES = ['du Bourg', 'des Hauts', 'Pierre et Marie Curie', 'Jean Moulin', 'des Quatre Vents', 'de la Gare', 'Simone Veil', 'du Lac']

const MODELES: readonly Modele[] = [
  { nom: (c) => `Médiathèque de ${c}`, typologie: ['BIB'], poids: 20, services: [OUTILS, COMPREHENSION, LOISIRS, ACCES, SECURITE] },
  { nom: (c) => `France Services ${c}`, typologie: ['RFS'], poids: 12, services: [DEMARCHES, OUTILS, INSERTION, ACCES], dispositifs: ['France Services'] },
  { nom: (c) => `Espace public numérique de ${c}`, typologie: ['EPN'], poids: 12, services: [OUTILS, ACCES, SECURITE, COMPREHENSION, LOISIRS] },
  { nom: (c) => `Mairie de ${c}`, typologie: ['MUNI'], poids: 14, services: [DEMARCHES, ACCES] },
  { nom: (c) => `CCAS de ${c}`, typologie: ['CCAS'], poids: 8, services: [DEMARCHES, OUTILS, EQUIPEMENT] },
  { nom: (_c, h) => `Centre social ${choisir(h, CENTRES)}`, typologie: ['CS'], poids: 9, services: [OUTILS, PARENTALITE, DEMARCHES, SECURITE] },
  { nom: (_c, h) => `Association ${choisir(h, ASSOCIATIONS)}`, typologie: ['ASSO'], poids: 10, services: [OUTILS, SECURITE, COMPREHENSION, EQUIPEMENT] },
  { nom: (c) => `Mission locale de ${c}`, typologie: ['ML'], poids: 4, services: [INSERTION, DEMARCHES, OUTILS] },
  { nom: (c) => `Tiers-lieu numérique de ${c}`, typologie: ['TIERS_LIEUX'], poids: 4, services: [ACCES, LOISIRS, INSERTION, COMPREHENSION] },
  { nom: (c) => `Ressourcerie informatique de ${c}`, typologie: ['RESSOURCERIE', 'ASSO'], poids: 2, services: [EQUIPEMENT, ACCES] },
  { nom: (c) => `Bus numérique – étape de ${c}`, typologie: ['ENM'], poids: 3, services: [DEMARCHES, OUTILS], itinerant: true },
  { nom: (c) => `Maison de quartier de ${c}`, typologie: ['MQ'], poids: 2, services: [OUTILS, PARENTALITE, LOISIRS] },
] as const

const HORAIRES = [
  'Mo-Fr 09:00-12:00,14:00-17:00',
  'Mo-Fr 08:30-12:30,13:30-17:00; PH off',
  'Tu-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
  'Tu,Th 14:00-18:00; We 10:00-12:00,14:00-18:00; Sa 10:00-17:00',
  'Mo,We,Fr 09:00-12:00',
  'Mo-Th 09:00-12:00,13:30-17:30; Fr 09:00-12:00; PH off',
  'We 14:00-17:00; Sa 09:30-12:30',
  'Tu 09:00-12:00; Th 14:00-17:00',
  'Mo-Sa 10:00-19:00; PH off',
  'Mo-Fr 09:00-17:00',
]
const VOIES = ['rue de la République', 'place de la Mairie', 'avenue Jean Jaurès', 'rue Victor Hugo', 'rue du Général de Gaulle', 'place du Marché', 'rue des Écoles', 'chemin des Vignes', 'rue de la Gare', 'allée des Tilleuls', 'boulevard Gambetta', 'rue Pasteur']
const PUBLICS = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'] as const
const PRISES = ['Surdité', 'Handicaps moteurs', 'Handicaps mentaux', 'Illettrisme', 'Langues étrangères (anglais)', 'Langues étrangères (autres)', 'Déficience visuelle'] as const

function slug(texte: string): string {
  return texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function dateAvant(reference: string, jours: number): string {
  const d = new Date(`${reference}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() - jours)
  return d.toISOString().slice(0, 10)
}

export interface OptionsGeneration {
  communes: readonly CommuneSituee[]
  nombre: number
  graine?: number
  /** Prefix of ids, e.g. `demo-73`. */
  prefixe?: string
  /** Source name written in the `source` field. */
  source?: string
  /** Share of rows made deliberately defective (for validation benchmarks), 0 by default. */
  tauxDefauts?: number
}

/** Reference date of generated `date_maj`: fixed for determinism, never after today. */
const REFERENCE = '2026-10-01'

/** Places as rows of the standard (the objects a v1.0.2 JSON file holds). */
export function* genererLieux(options: OptionsGeneration): Generator<Record<string, string | number>> {
  const h = aleatoire(options.graine ?? 2024)
  const communes = options.communes
  if (communes.length === 0) throw new Error('Aucune commune situable pour générer des lieux.')
  // Larger communes get more places: cumulative weights ~ population^0.6.
  const poids = communes.map((c) => Math.max(1, c.commune.population) ** 0.6)
  const cumul: number[] = []
  poids.reduce((total, p, i) => (cumul[i] = total + p), 0)
  const totalPoids = cumul[cumul.length - 1] ?? 1
  const totalModeles = MODELES.reduce((t, m) => t + m.poids, 0)
  const aujourdhui = aujourdhuiParis()
  const reference = REFERENCE < aujourdhui ? REFERENCE : aujourdhui
  const prefixe = options.prefixe ?? 'demo'

  for (let n = 1; n <= options.nombre; n++) {
    const situee = communes[indicePondere(cumul, h() * totalPoids)] as CommuneSituee
    let tirage = h() * totalModeles
    const modele = MODELES.find((m) => (tirage -= m.poids) < 0) ?? (MODELES[0] as Modele)
    const nomCommune = situee.commune.nom
    const nom = modele.nom(nomCommune, h)
    const domaine = `${slug(nom)}.example`
    const rayon = 0.004 + 0.02 * Math.min(1, Math.sqrt(situee.commune.population) / 300)
    const services = modele.services.filter((_, i) => i === 0 || h() < 0.6)
    const dispositifs = [...(modele.dispositifs ?? [])]
    if (h() < 0.45) dispositifs.push('Conseillers numériques')
    if (h() < 0.15) dispositifs.push('Aidants Connect')
    const accompagnement = sousEnsemble(h, ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'], 0.5)
    const lieu: Record<string, string | number> = {
      id: `${prefixe}-${String(n).padStart(6, '0')}`,
      pivot: '00000000000000',
      nom,
      commune: nomCommune,
      code_postal: situee.commune.codesPostaux[0] ?? '',
      code_insee: situee.commune.code,
      adresse: `${1 + Math.floor(h() * 120)} ${choisir(h, VOIES)}`,
      latitude: Number((situee.latitude + (h() - 0.5) * rayon).toFixed(6)),
      longitude: Number((situee.longitude + (h() - 0.5) * rayon * 1.4).toFixed(6)),
      typologie: modele.typologie.join('|'),
      telephone: `+3346571${String(Math.floor(h() * 10000)).padStart(4, '0')}`,
      courriels: `accueil@${domaine}`,
      site_web: `https://${domaine}/`,
      horaires: choisir(h, HORAIRES),
      presentation_resume: `${nom} vous accueille pour ${services.map((s) => s.toLowerCase()).slice(0, 2).join(' et ')}.`,
      source: options.source ?? 'Aiguillage (démonstration)',
      itinerance: modele.itinerant ? 'Itinérant' : 'Fixe',
      date_maj: dateAvant(reference, Math.floor(h() * 730)),
      services: services.join('|'),
      frais_a_charge: h() < 0.85 ? 'Gratuit' : choisir(h, ['Gratuit sous condition', 'Payant', 'Gratuit|Payant']),
      modalites_acces: sousEnsemble(h, ['Se présenter', 'Téléphoner', 'Contacter par mail', 'Prendre un RDV en ligne'], 0.55).join('|') || 'Se présenter',
      modalites_accompagnement: (accompagnement.length ? accompagnement : ['Accompagnement individuel']).join('|'),
    }
    const publics = sousEnsemble(h, PUBLICS, 0.2)
    if (publics.length) lieu.publics_specifiquement_adresses = publics.join('|')
    const prises = sousEnsemble(h, PRISES, 0.12)
    if (prises.length) lieu.prise_en_charge_specifique = prises.join('|')
    if (dispositifs.length) lieu.dispositif_programmes_nationaux = dispositifs.join('|')
    if (String(lieu.modalites_acces).includes('Prendre un RDV en ligne')) lieu.prise_rdv = `https://rdv.${domaine}/`
    if (h() < 0.3) lieu.complement_adresse = choisir(h, ['Rez-de-chaussée', '1er étage, salle informatique', 'Entrée par la cour', 'Bâtiment B'])
    if (options.tauxDefauts && h() < options.tauxDefauts) abimer(lieu, h)
    yield lieu
  }
}

/** Writes the defects met in real files into a row: national phone, v0 value, bad hours, missing name… */
function abimer(lieu: Record<string, string | number>, h: Hasard): void {
  switch (Math.floor(h() * 6)) {
    case 0:
      lieu.telephone = `04 65 71 ${String(lieu.telephone).slice(-4, -2)} ${String(lieu.telephone).slice(-2)}`
      break
    case 1:
      lieu.services = 'Prendre en main un ordinateur;Accéder à une connexion internet'
      break
    case 2:
      lieu.horaires = 'Lundi au vendredi de 9h à 12h'
      break
    case 3:
      lieu.nom = ''
      break
    case 4:
      lieu.date_maj = '31/02/2024'
      break
    default:
      delete lieu.code_insee
  }
}

/** Index of the first cumulated weight reaching `cible` (binary search): a draw weighted by size. */
export function indicePondere(cumul: readonly number[], cible: number): number {
  let bas = 0
  let haut = cumul.length - 1
  while (bas < haut) {
    const milieu = (bas + haut) >> 1
    if ((cumul[milieu] ?? 0) < cible) bas = milieu + 1
    else haut = milieu
  }
  return bas
}
