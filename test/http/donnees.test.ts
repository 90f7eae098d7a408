/**
 * A place with every field of the standard, and hostile data: everything shows, in French,
 * and nothing from the data becomes markup or a dangerous link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { lieux } from '../../src/platform/db/schema.ts'
import { versLigne } from '../../src/places/registry/rows.ts'
import { LIBELLES_CHAMPS, type Lieu } from '../../src/places/standard/fields.ts'
import { demarrer, importerLieux, texte, type ServeurDeTest } from './serveur-de-test.ts'

let serveur: ServeurDeTest

const COMPLET = {
  id: 'complet-1',
  pivot: '13002603200016',
  nom: 'Maison France Services du Lac',
  commune: 'Chambéry',
  code_postal: '73000',
  code_insee: '73065',
  adresse: '12 rue de la République',
  complement_adresse: 'Entrée par la cour',
  latitude: 45.5646,
  longitude: 5.9178,
  typologie: 'RFS|MUNI',
  telephone: '+33479311919',
  courriels: 'accueil@mfs-lac.example|numerique@mfs-lac.example',
  site_web: 'https://mfs-lac.example/|https://autre.example/page',
  horaires: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
  presentation_resume: 'Un lieu pour vos démarches.',
  presentation_detail: 'Première ligne du détail.\nDeuxième ligne du détail.',
  source: 'Commune de Chambéry',
  itinerance: 'Fixe',
  structure_parente: 'Ville de Chambéry',
  date_maj: '2024-04-02',
  services: 'Aide aux démarches administratives|Accès internet et matériel informatique',
  publics_specifiquement_adresses: 'Seniors|Jeunes',
  prise_en_charge_specifique: 'Surdité',
  frais_a_charge: 'Gratuit',
  dispositif_programmes_nationaux: 'France Services|Conseillers numériques',
  formations_labels: 'Fabriques de Territoire',
  autres_formations_labels: 'Label maison du test',
  modalites_acces: 'Se présenter|Téléphoner',
  modalites_accompagnement: 'Accompagnement individuel',
  fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/73-chambery/a/mairie/erp/mfs-lac/',
  prise_rdv: 'https://rdv.mfs-lac.example/',
}

const HOSTILE = {
  id: 'hostile-1',
  pivot: '',
  nom: 'Café <script>alert(1)</script> & « Co » < 3',
  commune: 'Chambéry',
  code_postal: '73000',
  adresse: '1 rue <b>du</b> Test',
  date_maj: '2024-05-01',
  presentation_detail: 'Texte avec <img src=x onerror=alert(1)> et "guillemets" & 3 < 4',
}

async function uidDe(id: string): Promise<number> {
  const [ligne] = await serveur.base.db.select({ uid: lieux.uid }).from(lieux).where(eq(lieux.id, id))
  if (!ligne) throw new Error(`lieu ${id} absent`)
  return ligne.uid
}

const fiche = async (id: string) => {
  const reponse = await fetch(`${serveur.url}/lieux/${await uidDe(id)}`)
  expect(reponse.status).toBe(200)
  return reponse.text()
}

beforeAll(async () => {
  serveur = await demarrer({ nombre: 3 })
  const bilan = await importerLieux(serveur.base, [COMPLET, HOSTILE], 'Commune de Chambéry', false)
  expect(bilan.acceptes).toBe(2)
  // Written straight into the table, as a later feature or a broken tool could: no import clean-up.
  const brut: Lieu = {
    ...(Object.fromEntries(Object.keys(LIBELLES_CHAMPS).map((c) => [c, null])) as unknown as Lieu),
    id: 'brut-1',
    pivot: '00000000000000',
    nom: '<script>alert("brut")</script><b>gras</b>',
    commune: 'Chambéry',
    code_postal: '73000',
    adresse: '"><svg onload=alert(1)>',
    date_maj: '2024-01-01',
    typologie: ['<i>X</i>'],
    courriels: ['"><script>@x.example', 'ok@x.example'],
    site_web: ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>'],
    telephone: 'javascript:alert(1)',
    itinerance: [],
    services: ['<script>alert(2)</script>'],
    publics_specifiquement_adresses: [],
    prise_en_charge_specifique: [],
    frais_a_charge: [],
    dispositif_programmes_nationaux: [],
    formations_labels: [],
    autres_formations_labels: [],
    modalites_acces: [],
    modalites_accompagnement: [],
    prise_rdv: 'javascript:alert(3)',
    fiche_acces_libre: 'vbscript:msgbox(1)',
    horaires: '<script>',
  }
  await serveur.base.db.insert(lieux).values(versLigne(brut, null, false))
})
afterAll(() => serveur?.fermer())

describe('fiche complète', () => {
  it('montre les 32 champs du standard sous leurs libellés français', async () => {
    const html = await fiche('complet-1')
    const lu = texte(html)
    for (const libelle of [
      'SIRET ou RNA', 'Typologie', 'Horaires', 'Structure collectant la donnée', 'Itinérance', 'Structure parente',
      'Publics spécifiquement adressés', 'Prise en charge spécifique', 'Frais à charge', 'Dispositifs et programmes nationaux',
      'Formations et labels', 'Autres formations et labels', "Modalités d'accès", "Modalités d'accompagnement", 'Fiche Accès libre',
      'Prise de rendez-vous', 'Identifiant',
    ]) {
      expect(lu, libelle).toContain(libelle)
    }
    const valeurs = [
      'complet-1', '13002603200016', 'Maison France Services du Lac', 'Chambéry', '73000', 'Code INSEE de la commune : 73065',
      '12 rue de la République', 'Entrée par la cour', 'latitude 45,5646, longitude 5,9178', 'Réseau France Services', 'Municipalités',
      '04 79 31 19 19', 'accueil@mfs-lac.example', 'numerique@mfs-lac.example', 'mfs-lac.example', 'autre.example/page',
      'Un lieu pour vos démarches.', 'Première ligne du détail. Deuxième ligne du détail.', 'Commune de Chambéry', 'Fixe',
      'Ville de Chambéry', 'Mise à jour le 2 avril 2024.', 'Aide aux démarches administratives', 'Accès internet et matériel informatique',
      'Seniors', 'Jeunes', 'Surdité', 'Gratuit', 'France Services', 'Conseillers numériques', 'Fabriques de Territoire',
      'Label maison du test', 'Se présenter', 'Téléphoner', 'Accompagnement individuel', "informations d'accessibilité du lieu",
      'prendre rendez-vous en ligne', 'Source : Commune de Chambéry',
    ]
    for (const valeur of valeurs) expect(lu, valeur).toContain(valeur)
    expect(html).toContain('<a href="tel:+33479311919">04 79 31 19 19</a>')
    expect(html).toContain('href="mailto:accueil@mfs-lac.example"')
    expect(html).toContain('href="https://mfs-lac.example/"')
    expect(html).toContain('href="https://acceslibre.beta.gouv.fr/app/73-chambery/a/mairie/erp/mfs-lac/"')
    expect(html).toContain('href="https://rdv.mfs-lac.example/"')
    expect(html).toContain('<p class="texte-libre">Première ligne du détail.\nDeuxième ligne du détail.</p>')
  })

  it('les horaires forment le tableau de la semaine, en français', async () => {
    const html = await fiche('complet-1')
    const tableau = html.match(/<table class="tableau">.*<\/table>/s)?.[0] ?? ''
    const lignes = [...tableau.matchAll(/<tr(?: class="actuel")?><th scope="row">(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => [
      texte(m[1] ?? ''),
      texte(m[2] ?? ''),
    ])
    expect(lignes).toHaveLength(7)
    expect(lignes[0]?.[0]).toMatch(/^Lundi /)
    expect(lignes[6]?.[0]).toMatch(/^Dimanche /)
    expect(lignes[5]?.[1]).toBe('Fermé')
    expect(lignes[6]?.[1]).toBe('Fermé')
    for (const [, creneaux] of lignes.slice(0, 5)) expect(['9 h – 12 h, 14 h – 17 h', 'Fermé (jour férié)']).toContain(creneaux)
    expect(texte(tableau)).toMatch(/Horaires de la semaine du /)
  })
})

describe('données hostiles', () => {
  it('le nom importé est échappé : aucun script ni balise ne sort des données', async () => {
    const html = await fiche('hostile-1')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/<b>/i)
    expect(html).toContain('&amp;')
    expect(html).toContain('&lt; 3')
    expect(texte(html)).toContain('SIRET ou RNA non renseigné')
    const liste = await (await fetch(`${serveur.url}/lieux?q=Caf`)).text()
    expect(liste).not.toMatch(/<script/i)
  })

  it('écrit directement en base : tout est échappé, aucun lien dangereux', async () => {
    const html = await fiche('brut-1')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<svg/i)
    expect(html).not.toMatch(/<b>gras/)
    expect(html).toContain('&lt;script>alert(&quot;brut&quot;)&lt;/script>&lt;b>gras&lt;/b>')
    expect(html.split('<body>')[1]).not.toMatch(/href="(javascript|data|vbscript):/i)
    expect(html).not.toContain('href="tel:javascript')
    expect(html).toContain('href="mailto:ok@x.example"')
    expect(texte(html)).toContain('Horaires communiqués : <script>')
    const liste = await (await fetch(`${serveur.url}/lieux?q=brut`)).text()
    expect(liste).not.toMatch(/<script/i)
    expect(liste).toContain('&lt;script>')
  })
})
