/**
 * The results page (`/recherche`) and the results part of the widget: what was searched and
 * understood, the refine form, the number of places, the map, the places nearest first
 * (distance, address, opening status, matching services, free, phone), pagination; when
 * several communes match « Où ? », the choice; when none, the error; when no place fits, why,
 * and each widening with its count.
 */
import type { ComponentChildren } from 'preact'
import { compte, distanceTexte, lienTelephone, nombre, telephoneLisible } from '../../places/pages/format.ts'
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau, ResumeErreurs, type ErreurFormulaire } from '../../platform/ui/avis.tsx'
import { Pagination } from '../../platform/ui/navigation.tsx'
import { besoinParId } from '../besoins.ts'
import { motsSimples, type Sens } from '../comprehension/comprendre.ts'
import { raciner } from '../comprehension/racinisation.ts'
import { MASQUES } from '../index/masques.ts'
import type { Resultat } from '../recherche.ts'
import { Carte, type OptionsTuiles, type PointCarte } from './carte.tsx'
import { filtresEnClair, urlEtat, type EtatRecherche } from './etat.ts'
import { FormulaireAffiner } from './formulaires.tsx'
import { libelleCommune } from './lieu.ts'
import type { DonneesResultats } from './preparation.ts'
import { enumeration, guillemets } from './textes.ts'

const GRATUIT = MASQUES.frais.de(['Gratuit'])

export interface VueResultats {
  /** Tiles and Leaflet assets, when a tiled map is configured. */
  tuiles?: OptionsTuiles | undefined
  /** Links to the full site open in a new tab (the widget). */
  nouvelOnglet?: boolean | undefined
}

const cible = (vue: VueResultats) => (vue.nouvelOnglet ? { target: '_blank', rel: 'noopener' } : {})

function sensTexte(sens: Sens): string {
  if (sens.type === 'besoin') return besoinParId(sens.besoin)?.libelle ?? sens.besoin
  if (sens.type === 'typologie') return sens.libelle
  return sens.valeur
}

/** Words of the free text, as typed (without accents), whose stem was not used. */
function motsIgnores(q: string, racines: readonly string[]): string[] {
  const ignores = new Set(racines)
  return [...new Set(motsSimples(q).filter((m) => ignores.has(raciner(m))))]
}

/** « Chambéry (73) », « votre position », or null. */
export function libelleLieu(d: DonneesResultats): string | null {
  if (d.lieu.type === 'commune') return d.lieu.libelle
  if (d.lieu.type === 'position') return 'votre position'
  return null
}

/** The URL of the start page with the same needs, words and place. */
function urlDepart(etat: EtatRecherche): string {
  return urlEtat('/', { ...etat, page: 1 })
}

function ResumeRecherche({ d, vue }: { d: DonneesResultats; vue: VueResultats }) {
  const { etat, reponse } = d
  const besoins = etat.besoins.map((id) => besoinParId(id)?.libelle ?? id)
  const lieu = libelleLieu(d)
  const comprehension = reponse?.comprehension ?? null
  const ignores = reponse && etat.q ? motsIgnores(etat.q, reponse.termesIgnores) : []
  return (
    <div class="resume-recherche">
      <h2 class="visuellement-cache">Votre recherche</h2>
      {besoins.length > 0 && (
        <p>
          <strong>{besoins.length > 1 ? 'Vos besoins' : 'Votre besoin'} :</strong> {besoins.join(' ; ')}
        </p>
      )}
      {etat.q && (
        <p>
          <strong>Vous avez écrit :</strong> {guillemets(etat.q)}
          {comprehension && comprehension.compris.length > 0 && (
            <>
              {' '}
              — compris comme :{' '}
              {comprehension.compris.map((c, i) => (
                <>
                  {i > 0 && ' ; '}
                  {guillemets(c.expression)} → <span class="compris">{sensTexte(c.sens)}</span>
                </>
              ))}
            </>
          )}
        </p>
      )}
      {ignores.length > 0 && (
        <p>
          <strong>Mots non utilisés</strong> (aucun lieu ne les a dans son nom) : {ignores.map(guillemets).join(', ')}
        </p>
      )}
      <p>
        <strong>Où :</strong> {lieu ?? 'sur tout le territoire'}
        {d.lieu.type === 'commune' && d.lieu.autres.length > 0 && (
          <>
            {' '}
            (autres communes du code postal {d.lieu.codePostal} :{' '}
            {d.lieu.autres.map((c, i) => (
              <>
                {i > 0 && ', '}
                <a href={urlEtat(d.chemin, { ...etat, ou: libelleCommune(c), commune: c.code, page: 1 })}>{c.nom}</a>
              </>
            ))}
            )
          </>
        )}
      </p>
      {filtresEnClair(etat).length > 0 && (
        <p>
          <strong>Seulement :</strong> {filtresEnClair(etat).join(', ')}
        </p>
      )}
      {!vue.nouvelOnglet && (
        <p>
          <a href={urlDepart(etat)}>Changer de besoin ou de lieu</a>
        </p>
      )}
    </div>
  )
}

function urlLieu(r: Resultat, d: DonneesResultats): string {
  const point = d.criteres.position
  if (!point) return `/lieux/${r.fiche.uid}`
  const p = new URLSearchParams({ lat: String(point.latitude), lon: String(point.longitude) })
  if (point.approximative) p.set('environ', '1')
  return `/lieux/${r.fiche.uid}?${p}`
}

function LigneResultat({ r, rang, d, vue, premier }: { r: Resultat; rang: number; d: DonneesResultats; vue: VueResultats; premier: boolean }) {
  const f = r.fiche
  const tel = f.telephone ? lienTelephone(f.telephone) : null
  const approximative = (d.criteres.position?.approximative ?? false) || f.positionApproximative
  return (
    <li>
      <span class="rang">{rang}</span>
      <h3>
        <a href={urlLieu(r, d)} {...cible(vue)} {...(premier ? { elementtiming: 'premier-resultat' } : {})}>
          {f.nom}
        </a>
      </h3>
      <p>
        {r.distanceKm !== null && (
          <>
            <strong class="distance">{distanceTexte(r.distanceKm, approximative)}</strong> ·{' '}
          </>
        )}
        {f.adresse}, {f.codePostal} {f.commune}
      </p>
      <p class={r.statut.ouvert ? 'statut statut-ouvert' : 'statut'}>{r.statut.texte}</p>
      {r.servicesCorrespondants.length > 0 && <p>Pour : {enumeration(r.servicesCorrespondants.map((s, i) => (i === 0 ? s : s.toLowerCase())))}</p>}
      {((f.frais & GRATUIT) !== 0 || f.telephone) && (
        <p>
          {(f.frais & GRATUIT) !== 0 && <span class="gratuit">Gratuit</span>}
          {(f.frais & GRATUIT) !== 0 && f.telephone && ' '}
          {f.telephone && <>Téléphone : {tel ? <a href={tel}>{telephoneLisible(f.telephone)}</a> : telephoneLisible(f.telephone)}</>}
        </p>
      )}
    </li>
  )
}

/** Why nothing was found, in plain words. */
function pourquoi(d: DonneesResultats): string {
  const { etat, reponse } = d
  const besoins = etat.besoins.map((id) => besoinParId(id)?.libelle ?? id)
  const conditions = [
    etat.gratuit && 'gratuit',
    etat.sansRdv && 'sans rendez-vous',
    etat.accessibilite && 'avec des informations d’accessibilité',
    etat.ouvert === 'maintenant' && 'ouvert maintenant',
    etat.ouvert === 'creneau' && 'ouvert au créneau choisi',
    etat.publics.length > 0 && `pour ${etat.publics.join(', ').toLowerCase()}`,
    etat.prises.length > 0 && `avec un accueil adapté (${etat.prises.join(', ')})`,
    etat.accompagnement.length > 0 && `avec ${etat.accompagnement.join(', ').toLowerCase()}`,
    etat.dispositifs.length > 0 && `du programme ${etat.dispositifs.join(', ')}`,
  ].filter((c): c is string => typeof c === 'string')
  const lieu = libelleLieu(d)
  let phrase = 'Aucun lieu'
  if (besoins.length) phrase += ` pour ${enumeration(besoins.map(guillemets))}`
  if (etat.q) phrase += ` correspondant à ${guillemets(etat.q)}`
  if (lieu && reponse?.rayonKm) phrase += ` à moins de ${reponse.rayonKm} km de ${lieu === 'votre position' ? 'votre position' : lieu}`
  if (conditions.length) phrase += `, ${enumeration(conditions)}`
  return `${phrase}.`
}

function SansResultat({ d }: { d: DonneesResultats }) {
  return (
    <>
      <h2>Aucun lieu trouvé</h2>
      <p>{pourquoi(d)}</p>
      {d.elargissements.length > 0 ? (
        <>
          <p>En élargissant la recherche, vous trouverez des lieux :</p>
          <ul class="elargissements">
            {d.elargissements.map((e) => (
              <li>
                <a href={e.url}>
                  {e.libelle} : {compte(e.total, 'lieu', 'lieux')}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Aucun lieu n’est encore recensé pour cette demande sur le territoire. Essayez un autre besoin, ou d’autres mots.</p>
      )}
    </>
  )
}

function Desambiguisation({ d }: { d: DonneesResultats }) {
  if (d.lieu.type !== 'plusieurs') return null
  return (
    <>
      <h2>Plusieurs communes correspondent à {guillemets(d.etat.ou)}</h2>
      <p>Choisissez la vôtre :</p>
      <ul class="desambiguisation">
        {d.lieu.communes.map((c) => (
          <li>
            <a href={urlEtat(d.chemin, { ...d.etat, ou: libelleCommune(c), commune: c.code, lat: '', lon: '', page: 1 })}>
              {c.nom} ({c.departement}) — {c.codesPostaux.slice(0, 3).join(', ')}
              {c.codesPostaux.length > 3 && '…'}
            </a>
          </li>
        ))}
      </ul>
    </>
  )
}

function Liste({ d, vue }: { d: DonneesResultats; vue: VueResultats }) {
  const { reponse } = d
  if (!reponse) return null
  if (reponse.total === 0) return <SansResultat d={d} />
  const lieu = libelleLieu(d)
  const debut = (reponse.page - 1) * d.criteres.parPage
  const points: PointCarte[] = reponse.resultats.flatMap((r, i) =>
    r.fiche.latitude !== null && r.fiche.longitude !== null
      ? [{ rang: debut + i + 1, latitude: r.fiche.latitude, longitude: r.fiche.longitude, nom: r.fiche.nom, url: urlLieu(r, d) }]
      : [],
  )
  return (
    <>
      <h2 id="resultats">
        {compte(reponse.total, 'lieu', 'lieux')}
        {lieu && reponse.rayonKm !== null ? ` à moins de ${reponse.rayonKm} km de ${lieu}` : d.communeSansPosition ? ' dans le département' : ''}
      </h2>
      <p class="discret">
        {lieu && reponse.rayonKm !== null ? 'Du plus proche au plus éloigné.' : 'Par ordre alphabétique.'}
        {reponse.pages > 1 && ` Page ${nombre(reponse.page)} sur ${nombre(reponse.pages)}.`}
      </p>
      <Carte points={points} centre={d.criteres.position} libelleCentre={lieu ?? ''} tuiles={vue.tuiles} />
      <ol class="resultats resultats-orientation" start={debut + 1}>
        {reponse.resultats.map((r, i) => (
          <LigneResultat r={r} rang={debut + i + 1} d={d} vue={vue} premier={i === 0} />
        ))}
      </ol>
      <Pagination page={reponse.page} pages={reponse.pages} lien={(n) => urlEtat(d.chemin, { ...d.etat, page: n })} />
    </>
  )
}

/** The error summary of a results page: the place not found, values that cannot be read. */
export function erreursResultats(d: DonneesResultats): ErreurFormulaire[] {
  const erreurs: ErreurFormulaire[] = []
  if (d.lieu.type === 'inconnu') erreurs.push({ message: d.lieu.message, champ: 'ou' })
  for (const e of d.erreurs) erreurs.push({ message: e.message, champ: e.champ })
  return erreurs
}

/** The body of the results (full page and widget). */
export function ContenuResultats({ d, vue, avantListe }: { d: DonneesResultats; vue: VueResultats; avantListe?: ComponentChildren }) {
  const erreurs = erreursResultats(d)
  return (
    <>
      <ResumeErreurs erreurs={erreurs} />
      {d.lieu.type === 'inconnu' && !vue.nouvelOnglet && (
        <p>
          <a href={urlDepart({ ...d.etat, ou: '', commune: '', lat: '', lon: '' })}>Revenir au formulaire de départ</a>
        </p>
      )}
      {d.lieu.type !== 'inconnu' && d.lieu.type !== 'plusieurs' && <ResumeRecherche d={d} vue={vue} />}
      {d.communeSansPosition && (
        <Bandeau type="attention">
          <p>Nous ne savons pas encore situer cette commune : voici les lieux de son département, sans distance.</p>
        </Bandeau>
      )}
      {d.lieu.type === 'aucun' && d.reponse && d.reponse.total > 0 && (
        <p>Indiquez une commune pour voir les lieux les plus proches en premier.</p>
      )}
      {avantListe}
      <Desambiguisation d={d} />
      <Liste d={d} vue={vue} />
    </>
  )
}

export interface OptionsPageResultats extends VueResultats {
  scripts: readonly string[]
}

export function pageResultats(d: DonneesResultats, options: OptionsPageResultats): OptionsPage {
  const erreurs = erreursResultats(d)
  const lieu = libelleLieu(d)
  const total = d.reponse?.total
  const titreDocument = [
    total === undefined ? 'Recherche' : `${compte(total, 'lieu', 'lieux')}${lieu ? ` près de ${lieu}` : ''}`,
    d.reponse && d.reponse.pages > 1 ? `page ${d.reponse.page}` : '',
  ]
    .filter(Boolean)
    .join(', ')
  return {
    titre: 'Lieux qui peuvent vous aider',
    titreDocument,
    enErreur: erreurs.length > 0,
    statut: erreurs.length > 0 ? 400 : 200,
    scripts: options.scripts,
    fil: [{ libelle: 'Accueil', lien: '/' }, { libelle: 'Résultats' }],
    contenu: (
      <ContenuResultats
        d={d}
        vue={options}
        avantListe={
          <FormulaireAffiner
            chemin={d.chemin}
            etat={d.etat}
            lieu={d.lieu}
            rayonChoisi={d.etat.rayon ? null : (d.reponse?.rayonKm ?? null)}
            erreurs={[...d.erreurs, ...(d.lieu.type === 'inconnu' ? [{ message: d.lieu.message, champ: 'ou' }] : [])]}
          />
        }
      />
    ),
  }
}
