/**
 * The `aiguillage` command line, run as a user runs it: help on every command, import of a
 * windows-1252 `;`-separated v0.1 CSV with its report, dry run, export to a file by territory,
 * French errors with exit codes, and the embedded database's lock.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import { executer } from './support/cli.ts'

const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-cli-'))
const env = { AIGUILLAGE_DATA_DIR: path.join(dossier, 'donnees'), DATABASE_URL: '' }
afterAll(() => rmSync(dossier, { recursive: true, force: true }))

const CSV_V0 = [
  'id;pivot;nom;commune;code_postal;adresse;services;publics_accueillis;conditions_acces;courriel;telephone;horaires;date_maj',
  '1;13002603200016;Médiathèque François Mitterrand;Chambéry;73000;1 rue de la République;Prendre en main un ordinateur;Seniors (+ 65 ans);Gratuit : Je peux accéder gratuitement au lieu et à ses services;accueil@mediatheque.example;04 65 71 04 04;Mo-Fr 09:00-12:00;2024-03-01',
  '2;;Épicerie solidaire « Le Panier »;Aix-les-Bains;73100;5 place du Marché;Accéder à du matériel;;;;;Lundi 9h-12h;02/04/2024',
  '3;;;Albertville;73200;2 rue Pasteur;;;;;;;2024-01-01',
].join('\r\n')

describe('ligne de commande aiguillage', () => {
  it('chaque commande a une aide en français', async () => {
    const commandes = [[], ['serve'], ['import'], ['export'], ['demo'], ['etat'], ['migrate'], ['sources'], ['sources', 'modifier'], ['dedoublonner'], ['doublons'], ['doublons', 'decider'], ['fusions'], ['fusions', 'annuler'], ['user'], ['user', 'create-admin'], ['courriels']]
    const sorties = await Promise.all(commandes.map((commande) => executer([...commande, '--help'], env)))
    sorties.forEach(({ code, stdout }, i) => {
      expect(code, commandes[i]?.join(' ')).toBe(0)
      expect(stdout).toMatch(/^Usage: aiguillage/)
      expect(stdout).toMatch(/affiche l'aide/)
    })
  })

  it('importe un CSV v0.1 en windows-1252 séparé par « ; », écrit le rapport et le résumé', async () => {
    const fichier = path.join(dossier, 'lieux-1252.csv')
    writeFileSync(fichier, Buffer.from(CSV_V0, 'latin1'))
    const rapport = path.join(dossier, 'rapport.csv')
    const { code, stdout } = await executer(['import', fichier, '--source', 'hub', '--rapport', rapport], env)
    expect(code).toBe(0)
    expect(stdout).toMatch(/CSV, windows-1252, schéma v0\.1/)
    expect(stdout).toMatch(/lus\s+3/)
    expect(stdout).toMatch(/acceptés\s+2 \(2 nouveaux, 0 mis à jour\)/)
    expect(stdout).toMatch(/rejetés\s+1/)
    const lignes = parse(readFileSync(rapport), { columns: true, bom: true }) as Array<Record<string, string>>
    expect(Object.keys(lignes[0] ?? {})).toEqual(['ligne', 'id', 'champ', 'valeur', 'message', 'niveau'])
    expect(lignes).toContainEqual(expect.objectContaining({ ligne: '4', id: '3', champ: 'nom', niveau: 'erreur', message: 'Le nom du lieu est obligatoire.' }))
    expect(lignes).toContainEqual(expect.objectContaining({ ligne: '3', champ: 'horaires', niveau: 'correction' }))
    expect(lignes).toContainEqual(expect.objectContaining({ ligne: '2', champ: 'telephone', valeur: '04 65 71 04 04' }))

    const exporte = path.join(dossier, 'export.csv')
    const sortie = await executer(['export', '--format', 'csv', '--territoire', 'Savoie', '--output', exporte], env)
    expect(sortie.code).toBe(0)
    expect(sortie.stderr).toMatch(/2 lieu\(x\) exporté\(s\) \(Savoie\)/)
    const rangees = parse(readFileSync(exporte), { columns: true }) as Array<Record<string, string>>
    expect(rangees.map((r) => [r.nom, r.telephone, r.services, r.publics_specifiquement_adresses, r.frais_a_charge, r.horaires, r.date_maj, r.code_insee])).toEqual([
      ['Médiathèque François Mitterrand', '+33465710404', 'Maîtrise des outils numériques du quotidien', 'Seniors', 'Gratuit', 'Mo-Fr 09:00-12:00', '2024-03-01', '73065'],
      ['Épicerie solidaire « Le Panier »', '', 'Accès internet et matériel informatique', '', '', 'Mo 09:00-12:00', '2024-04-02', '73008'],
    ])

    // the actors of the network, from the documented example file, then the registry's state
    const acteurs = await executer(['acteurs', 'importer', path.resolve('docs/exemple-acteurs.csv'), '--source', 'Exemple'], env)
    expect(acteurs.code).toBe(0)
    expect(acteurs.stdout).toMatch(/7 nouveaux/)
    const etat = await executer(['etat'], env)
    expect(etat.stdout).toMatch(/exemple-acteurs\.csv → Exemple \(acteurs\) : 7 lus/)
    expect(etat.stdout).toMatch(/Lieux publiés : 2/)
    expect(etat.stdout).toMatch(/hub : 2 enregistrement\(s\)/)
    expect(etat.stdout).toMatch(/commune est introuvable dans le référentiel : 0/)
    expect(etat.stdout).toMatch(/Doublons à examiner : 0 \(aiguillage doublons\)/)
  })

  it('--verifier valide sans rien enregistrer', async () => {
    const fichier = path.join(dossier, 'autre.csv')
    writeFileSync(fichier, CSV_V0.replace(/\b([123]);/g, 'x$1;'))
    const { code, stdout } = await executer(['import', fichier, '--verifier', '--rapport', path.join(dossier, 'verif.csv')], env)
    expect(code).toBe(0)
    expect(stdout).toMatch(/vérification seule/)
    expect((await executer(['etat'], env)).stdout).toMatch(/Lieux publiés : 2/)
  })

  it('les erreurs sont dites en français, avec un code de sortie', async () => {
    const absent = await executer(['import', path.join(dossier, 'nexiste-pas.csv')], env)
    expect(absent.code).toBe(1)
    expect(absent.stderr).toMatch(/Erreur : Le fichier « .*nexiste-pas\.csv » n'existe pas\./)
    const ambigu = await executer(['export', '--territoire', '84'], env)
    expect(ambigu.code).toBe(1)
    expect(ambigu.stderr).toMatch(/« 84 » est ambigu : précisez « departement:84 » \(département Vaucluse\) ou « region:84 »/)
    const format = await executer(['export', '--format', 'xlsx'], env)
    expect(format.code).toBe(2)
    const illisible = path.join(dossier, 'illisible.json')
    writeFileSync(illisible, '[{"id": ')
    const json = await executer(['import', illisible], env)
    expect(json.code).toBe(1)
    expect(json.stderr).toMatch(/Le fichier JSON est illisible/)
    expect(json.stderr).not.toMatch(/at .*\.ts:\d+/)
  })

  it('la base embarquée ne s’ouvre pas deux fois : message clair', async () => {
    const tenir = spawn(process.execPath, ['--import', 'tsx', path.join(path.dirname(fileURLToPath(import.meta.url)), 'support/tenir-base.ts')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    try {
      await new Promise<void>((resoudre) => tenir.stdout?.on('data', (d: Buffer) => d.toString().includes('prête') && resoudre()))
      const { code, stderr } = await executer(['etat'], env)
      expect(code).toBe(1)
      expect(stderr).toMatch(new RegExp(`déjà ouverte par le processus ${tenir.pid}`))
    } finally {
      tenir.kill('SIGKILL')
      await new Promise((r) => tenir.on('close', r))
    }
    // the lock of a killed process is taken over
    expect((await executer(['etat'], env)).code).toBe(0)
  })

  it('demo écrit un fichier déterministe que l’import accepte entièrement', async () => {
    const a = path.join(dossier, 'a.csv')
    const b = path.join(dossier, 'b.csv')
    expect((await executer(['demo', '--departement', '74', '--nombre', '50', '--output', a], env)).code).toBe(0)
    expect((await executer(['demo', '--departement', '74', '--nombre', '50', '--output', b], env)).code).toBe(0)
    expect(readFileSync(a)).toEqual(readFileSync(b))
    const { stdout } = await executer(['import', a, '--verifier', '--rapport', path.join(dossier, 'r.csv')], env)
    expect(stdout).toMatch(/acceptés\s+50/)
    expect(stdout).toMatch(/avertissements 0 · corrections 0/)
    expect(existsSync(path.join(dossier, 'r.csv'))).toBe(true)
  })

  it('sources, doublons et fusions : importer deux sources, voir la fusion et ses raisons, l’annuler', async () => {
    const env2 = { AIGUILLAGE_DATA_DIR: path.join(dossier, 'donnees-doublons'), DATABASE_URL: '' }
    const lieu = (id: string, nom: string, telephone: string) => ({
      id, nom, commune: 'Chambéry', code_postal: '73000', adresse: '12 place Saint-Léger', latitude: 45.5646, longitude: 5.9203,
      telephone, date_maj: '2024-05-02', services: 'Aide aux démarches administratives',
    })
    const a = path.join(dossier, 'hub.json')
    const b = path.join(dossier, 'fs.json')
    writeFileSync(a, JSON.stringify([lieu('h1', 'France services de Chambéry', '04 79 00 00 01')]))
    writeFileSync(b, JSON.stringify([lieu('fs1', 'Espace France Services Chambéry', '+33479000001')]))
    expect((await executer(['import', a, '--source', 'hub', '--rapport', path.join(dossier, 'r1.csv')], env2)).code).toBe(0)
    const second = await executer(['import', b, '--source', 'france-services', '--producteur', 'ANCT', '--licence', 'Licence Ouverte 2.0', '--rapport', path.join(dossier, 'r2.csv')], env2)
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/Dédoublonnage de 2 lieux publiés/)
    expect(second.stdout).toMatch(/fusions automatiques 1/)
    const sources = await executer(['sources'], env2)
    expect(sources.stdout).toMatch(/france-services — ANCT \(Licence Ouverte 2\.0\)/)
    const fusions = await executer(['fusions'], env2)
    expect(fusions.stdout).toMatch(/Fusion n° 1 \(automatique/)
    expect(fusions.stdout).toMatch(/\+ .*[Tt]éléphone/)
    const annulation = await executer(['fusions', 'annuler', '1', '--par', 'Camille'], env2)
    expect(annulation.code).toBe(0)
    expect(annulation.stdout).toMatch(/Fusion n° 1 annulée/)
    expect((await executer(['dedoublonner'], env2)).stdout).toMatch(/fusions automatiques 0 .* écartées par décision 1/)
    const erreur = await executer(['fusions', 'annuler', '1'], env2)
    expect(erreur.code).toBe(1)
    expect(erreur.stderr).toMatch(/déjà été annulée/)
    const mauvais = await executer(['doublons', 'decider', '1', 'peut-etre'], env2)
    expect(mauvais.code).toBe(2)
  })

  it('user create-admin lit le mot de passe sur l’entrée standard, refuse un mot de passe courant, et user lister montre le compte', async () => {
    const faible = await executer(['user', 'create-admin', '--courriel', 'admin@exemple.fr'], env, undefined, 'azertyuiop123\n')
    expect(faible.code).toBe(1)
    expect(faible.stderr).toContain('les plus courants')
    const cree = await executer(['user', 'create-admin', '--courriel', 'Admin@Exemple.fr', '--nom', 'Alex Admin'], env, undefined, 'une phrase de passe solide pour le serveur\n')
    expect(cree.code).toBe(0)
    expect(cree.stdout).toContain('admin@exemple.fr')
    expect(cree.stdout).not.toContain('une phrase de passe')
    const liste = await executer(['user', 'lister'], env)
    expect(liste.stdout).toMatch(/admin@exemple\.fr — Alex Admin · actif · Administrateur/)
  })
})
