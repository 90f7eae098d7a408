/**
 * The page of one place (GET `/lieux/:uid`): every field of the standard v1.0.2 in plain
 * French, under the standard's labels. Empty fields are left out, except hours and contacts
 * which say « Non renseigné ». Texts keep their line breaks and are always escaped. Links to
 * the orientation sheet and the report form (by URL: the registry knows nothing of
 * orientation), a share block (the address to copy, SMS and e-mail prefilled), and the
 * distance when the page is reached from a search.
 */
import type { ComponentChildren } from 'preact'
import type { OptionsPage } from '../../platform/http/page.ts'
import { ListeDescriptions, Tableau, type Description } from '../../platform/ui/donnees.tsx'
import type { FicheLieu } from '../registry/queries.ts'
import { TYPOLOGIES } from '../standard/enumerations.ts'
import { LIBELLES_CHAMPS, PIVOT_NON_RENSEIGNE, type Champ, type ChampListe } from '../standard/fields.ts'
import { ChampTexte } from '../../platform/ui/formulaire.tsx'
import { adresseCourte, dateLongue, decimal, distanceTexte, lienCourriel, lienTelephone, lienWeb, telephoneLisible } from './format.ts'
import { semaineHoraires, type SemaineHoraires } from './horaires.ts'

const NON_RENSEIGNE = 'Non renseigné'

function Valeurs({ valeurs }: { valeurs: readonly ComponentChildren[] }) {
  if (valeurs.length === 1) return <>{valeurs[0]}</>
  return (
    <ul>
      {valeurs.map((v) => (
        <li>{v}</li>
      ))}
    </ul>
  )
}

/** A list field as a description, or `null` when empty. */
function liste(lieu: FicheLieu, champ: ChampListe): Description | null {
  const valeurs = lieu[champ]
  return valeurs.length ? { terme: LIBELLES_CHAMPS[champ], definition: <Valeurs valeurs={valeurs} /> } : null
}

/** A web address as a link (http/https only), or as text. */
function Lien({ url, texte }: { url: string; texte?: string | undefined }) {
  const href = lienWeb(url)
  return href ? (
    <a class="casse-partout" href={href}>
      {texte ?? adresseCourte(url)}
    </a>
  ) : (
    <span class="casse-partout">{url}</span>
  )
}

function Section({ titre, children }: { titre: string; children: ComponentChildren }) {
  return (
    <section class="fiche-section">
      <h2>{titre}</h2>
      {children}
    </section>
  )
}

const MOIS = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' })

/** « du 11 au 17 mai 2026 », « du 28 avril au 4 mai 2026 », « du 29 décembre 2025 au 4 janvier 2026 ». */
function periode(debut: string, fin: string): string {
  const d = new Date(`${debut}T00:00:00Z`)
  const f = new Date(`${fin}T00:00:00Z`)
  const jour = d.getUTCDate() === 1 ? '1er' : String(d.getUTCDate())
  if (d.getUTCFullYear() !== f.getUTCFullYear()) return `du ${dateLongue(debut)} au ${dateLongue(fin)}`
  if (d.getUTCMonth() !== f.getUTCMonth()) return `du ${jour} ${MOIS.format(d)} au ${dateLongue(fin)}`
  return `du ${jour} au ${dateLongue(fin)}`
}

function jourEtMois(iso: string): string {
  return dateLongue(iso).replace(/ \d{4}$/, '')
}

/** « 9 h – 12 h, 14 h – 17 h »: the hours of a slot stay on one line, a comment may wrap. */
function Creneaux({ creneaux }: { creneaux: readonly string[] }) {
  return (
    <>
      {creneaux.map((c, i) => {
        const coupure = c.indexOf(' (')
        return (
          <>
            {i > 0 && ', '}
            <span class="insecable">{coupure < 0 ? c : c.slice(0, coupure)}</span>
            {coupure >= 0 && c.slice(coupure)}
          </>
        )
      })}
    </>
  )
}

export function TableHoraires({ semaine }: { semaine: SemaineHoraires }) {
  return (
    <Tableau
      legende={`Horaires de la semaine ${periode(semaine.debut, semaine.fin)}`}
      entetes={['Jour', 'Horaires']}
      lignes={semaine.jours.map((j) => ({
        actuelle: j.aujourdhui,
        entete: (
          <>
            {j.nom} {jourEtMois(j.date)}
            {j.aujourdhui && <> (aujourd'hui)</>}
          </>
        ),
        cellules: [j.creneaux.length ? <Creneaux creneaux={j.creneaux} /> : j.ferie ? 'Fermé (jour férié)' : 'Fermé'],
      }))}
    />
  )
}

export function Horaires({ horaires, aujourdhui }: { horaires: string | null; aujourdhui?: string | undefined }) {
  if (!horaires) return <p>{NON_RENSEIGNE}</p>
  const semaine = semaineHoraires(horaires, aujourdhui)
  if (!semaine) {
    return (
      <p>
        Horaires communiqués : <span class="casse-partout">{horaires}</span>
      </p>
    )
  }
  return <TableHoraires semaine={semaine} />
}

export function Contacts({ lieu }: { lieu: FicheLieu }) {
  const elements: ComponentChildren[] = []
  if (lieu.telephone) {
    const href = lienTelephone(lieu.telephone)
    const texte = telephoneLisible(lieu.telephone)
    elements.push(<>Téléphone : {href ? <a href={href}>{texte}</a> : texte}</>)
  }
  for (const courriel of lieu.courriels) {
    const href = lienCourriel(courriel)
    elements.push(
      <>
        Courriel :{' '}
        {href ? (
          <a class="casse-partout" href={href}>
            {courriel}
          </a>
        ) : (
          courriel
        )}
      </>,
    )
  }
  for (const site of lieu.site_web) elements.push(<>Site web : <Lien url={site} /></>)
  if (elements.length === 0) return <p>{NON_RENSEIGNE}</p>
  return (
    <ul class="contacts">
      {elements.map((e) => (
        <li>{e}</li>
      ))}
    </ul>
  )
}

/** « Source : France Services, mis à jour le … », and for a merged place which source gave what. */
export function Provenance({ lieu }: { lieu: FicheLieu }) {
  const provenance = (lieu.provenance ?? null) as Partial<Record<Champ, Array<{ source: string; date: string }>>> | null
  const champs = provenance ? (Object.keys(provenance) as Champ[]).filter((c) => c !== 'date_maj' && (provenance[c]?.length ?? 0) > 0) : []
  return (
    <>
      {lieu.sources.map((s) => (
        <p key={s.nom}>
          Source : {s.nom}
          {s.producteur ? ` (${s.producteur})` : ''}
          {s.dateMaj ? `, mis à jour le ${dateLongue(s.dateMaj)}` : ''}.
        </p>
      ))}
      {champs.length > 0 && (
        <details>
          <summary>D'où vient chaque information ?</summary>
          <ListeDescriptions
            elements={champs.map((c) => ({
              terme: LIBELLES_CHAMPS[c],
              definition: (provenance?.[c] ?? []).map((o) => `${o.source} (${dateLongue(o.date)})`).join(', '),
            }))}
          />
        </details>
      )}
    </>
  )
}

export interface OptionsFiche {
  /** `YYYY-MM-DD` of today (tests); default: today in Europe/Paris. */
  aujourdhui?: string | undefined
  /** Absolute URL of the page, to share. */
  url?: string | undefined
  /** Distance from the point of the search the person comes from. */
  distance?: { km: number; approximative: boolean } | undefined
}

/** « lundi 9 h – 12 h, 14 h – 17 h ; mardi … », or the hours as written, or null. */
export function resumeHoraires(horaires: string | null, aujourdhui?: string): string | null {
  if (!horaires) return null
  const semaine = semaineHoraires(horaires, aujourdhui)
  if (!semaine) return horaires
  const jours = semaine.jours.filter((j) => j.creneaux.length > 0).map((j) => `${j.nom.toLowerCase()} ${j.creneaux.join(', ')}`)
  return jours.length ? jours.join(' ; ').replace(/\u00a0/g, ' ') : 'fermé cette semaine'
}

/** The text sent by SMS or e-mail: name, address, phone, hours, page. */
export function texteAPartager(lieu: FicheLieu, url: string, aujourdhui?: string): string {
  const horaires = resumeHoraires(lieu.horaires, aujourdhui)
  return [
    lieu.nom,
    `${lieu.adresse}${lieu.complement_adresse ? ` (${lieu.complement_adresse})` : ''}, ${lieu.code_postal} ${lieu.commune}`,
    lieu.telephone && `Téléphone : ${telephoneLisible(lieu.telephone)}`,
    horaires && `Horaires : ${horaires}`,
    url,
  ]
    .filter(Boolean)
    .join('\n')
}

function Partager({ lieu, url, aujourdhui }: { lieu: FicheLieu; url: string; aujourdhui?: string | undefined }) {
  const texte = texteAPartager(lieu, url, aujourdhui)
  const sujet = `Un lieu pour vous aider avec le numérique : ${lieu.nom}`
  const sms = `sms:?body=${encodeURIComponent(texte)}`
  const courriel = `mailto:?subject=${encodeURIComponent(sujet)}&body=${encodeURIComponent(texte.replace(/\n/g, '\r\n'))}`
  return (
    <section class="fiche-section ne-pas-imprimer" id="partager">
      <h2>Partager</h2>
      <ChampTexte id="adresse-page" nom="adresse-page" libelle="Adresse de cette page, à copier" valeur={url} lectureSeule />
      <ul class="actions">
        <li>
          <a href={sms}>Envoyer par SMS</a>
        </li>
        <li>
          <a href={courriel}>Envoyer par courriel</a>
        </li>
      </ul>
    </section>
  )
}

export function pageFiche(lieu: FicheLieu, options: OptionsFiche = {}): OptionsPage {
  const typologies = lieu.typologie.map((code) => TYPOLOGIES[code] ?? code)
  const itinerant = lieu.itinerance.includes('Itinérant')
  const { latitude, longitude } = lieu
  const accueil = [
    liste(lieu, 'publics_specifiquement_adresses'),
    liste(lieu, 'prise_en_charge_specifique'),
    liste(lieu, 'frais_a_charge'),
    liste(lieu, 'modalites_acces'),
    liste(lieu, 'modalites_accompagnement'),
  ]
  const dispositifs = [liste(lieu, 'dispositif_programmes_nationaux'), liste(lieu, 'formations_labels'), liste(lieu, 'autres_formations_labels')]
  return {
    titre: lieu.nom,
    fil: [{ libelle: 'Accueil', lien: '/' }, { libelle: 'Lieux de médiation numérique', lien: '/lieux' }, { libelle: lieu.nom }],
    chapo: (
      <>
        {(typologies.length > 0 || itinerant) && (
          <p class="discret">
            {typologies.join(' · ')}
            {itinerant && <>{typologies.length > 0 && ' · '}Lieu itinérant</>}
          </p>
        )}
        {options.distance && (
          <p>
            <strong>
              {distanceTexte(options.distance.km, options.distance.approximative).replace(/^à/, 'À')}
            </strong>{' '}
            du lieu de votre recherche.
          </p>
        )}
        <ul class="actions ne-pas-imprimer">
          <li>
            <a class="bouton" href={`/lieux/${lieu.uid}/fiche`}>
              Préparer une fiche d’orientation
            </a>
          </li>
          <li>
            <a href={`/lieux/${lieu.uid}/signaler`}>Signaler une erreur</a>
          </li>
          <li>
            <a href="#partager">Partager</a>
          </li>
        </ul>
      </>
    ),
    contenu: (
      <>
        {(lieu.presentation_resume || lieu.presentation_detail) && (
          <Section titre="Présentation">
            {lieu.presentation_resume && <p class="texte-libre">{lieu.presentation_resume}</p>}
            {lieu.presentation_detail && <p class="texte-libre">{lieu.presentation_detail}</p>}
          </Section>
        )}

        <Section titre="Adresse">
          <address class="adresse">
            {lieu.adresse}
            <br />
            {lieu.complement_adresse && (
              <>
                {lieu.complement_adresse}
                <br />
              </>
            )}
            {lieu.code_postal} {lieu.commune}
          </address>
          {lieu.code_insee && <p class="discret">Code INSEE de la commune : {lieu.code_insee}</p>}
          {latitude !== null && longitude !== null && (
            <p class="discret">
              Coordonnées : latitude {decimal(latitude)}, longitude {decimal(longitude)} —{' '}
              <a href={`https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`}>
                voir sur OpenStreetMap
              </a>
            </p>
          )}
        </Section>

        <Section titre={LIBELLES_CHAMPS.horaires}>
          <Horaires horaires={lieu.horaires} aujourdhui={options.aujourdhui} />
        </Section>

        <Section titre="Contact">
          <Contacts lieu={lieu} />
          {lieu.prise_rdv && (
            <p>
              {LIBELLES_CHAMPS.prise_rdv} : <Lien url={lieu.prise_rdv} texte="prendre rendez-vous en ligne" />
            </p>
          )}
        </Section>

        {lieu.services.length > 0 && (
          <Section titre="Services proposés">
            <ul>
              {lieu.services.map((s) => (
                <li>{s}</li>
              ))}
            </ul>
          </Section>
        )}

        {accueil.some(Boolean) && (
          <Section titre="Accueil et accompagnement">
            <ListeDescriptions elements={accueil} />
          </Section>
        )}

        {dispositifs.some(Boolean) && (
          <Section titre="Dispositifs et labels">
            <ListeDescriptions elements={dispositifs} />
          </Section>
        )}

        <Section titre="À propos de ce lieu">
          <ListeDescriptions
            elements={[
              typologies.length > 0 && { terme: LIBELLES_CHAMPS.typologie, definition: <Valeurs valeurs={typologies} /> },
              lieu.itinerance.length > 0 && { terme: LIBELLES_CHAMPS.itinerance, definition: lieu.itinerance.join(', ') },
              lieu.structure_parente !== null && { terme: LIBELLES_CHAMPS.structure_parente, definition: lieu.structure_parente },
              {
                terme: LIBELLES_CHAMPS.pivot,
                definition: lieu.pivot && lieu.pivot !== PIVOT_NON_RENSEIGNE ? lieu.pivot : 'non renseigné',
              },
              lieu.fiche_acces_libre !== null && {
                terme: LIBELLES_CHAMPS.fiche_acces_libre,
                definition: <Lien url={lieu.fiche_acces_libre} texte="informations d'accessibilité du lieu" />,
              },
              lieu.source !== null && { terme: LIBELLES_CHAMPS.source, definition: lieu.source },
              { terme: LIBELLES_CHAMPS.id, definition: <span class="casse-partout">{lieu.id}</span> },
            ]}
          />
          <p>Mise à jour le {dateLongue(lieu.date_maj)}.</p>
          <Provenance lieu={lieu} />
          <p>
            Une information est inexacte ? <a href={`/lieux/${lieu.uid}/signaler`}>Signaler une erreur</a>
          </p>
        </Section>

        <Partager lieu={lieu} url={options.url ?? `/lieux/${lieu.uid}`} aujourdhui={options.aujourdhui} />
      </>
    ),
  }
}
