/**
 * The workspace's pages: dashboard, places of my scope (filters: waiting for validation, not
 * updated for 6 months), editing a place (the standard's form, the coordinator's actions, the
 * invitation of its managers), proposing a place, a place's history, the reports.
 */
import type { OptionsPage } from '../platform/http/page.ts'
import { Bandeau } from '../platform/ui/avis.tsx'
import { TableauDefilant } from '../platform/ui/donnees.tsx'
import { Bouton, BoutonsRadio, ChampCache, ChampTexte, ListeDeroulante, ZoneTexte } from '../platform/ui/formulaire.tsx'
import { Pagination } from '../platform/ui/navigation.tsx'
import { formaterDate } from './format.ts'
import type { ScoreQualite } from '../quality/score.ts'
import { LIBELLES_ACTIONS, type LigneJournal } from '../audit/journal.ts'
import { LIBELLES_CHAMPS, type Champ } from '../places/standard/fields.ts'
import { aLeRole, coordonneLieu, type Compte } from '../accounts/roles.ts'
import { Confirmation } from '../accounts/http/pages-communes.tsx'
import { RUBRIQUES } from '../orientation/signalements.ts'
import { FormulaireFiche, type PropsFormulaireFiche } from './fiche/formulaire.tsx'
import { STATUTS_SIGNALEMENT, type FiltreLieux, type LieuDeLEspace, type SignalementVu } from './requetes.ts'

const STATUTS_LIEU: Record<string, string> = { publie: 'Publié', a_valider: 'À valider', refuse: 'Refusé', retire: 'Retiré', fusionne: 'Fusionné' }

export function pageTableauDeBord(compte: Compte, n: { lieux: number; aValider: number; aMettreAJour: number; signalements: number }, message?: string): OptionsPage {
  const gere = !aLeRole(compte, 'mediateur') || compte.habilitations.some((h) => h.role !== 'mediateur')
  return {
    titre: `Bonjour${compte.nom ? ` ${compte.nom}` : ''}`,
    titreDocument: 'Espace professionnel',
    contenu: (
      <>
        <Confirmation message={message} />
        {gere ? (
          <ul class="tableau-de-bord">
            <li>
              <a href="/espace/lieux">{n.lieux} lieu(x) publié(s)</a> dans votre périmètre
            </li>
            <li>
              <a href="/espace/lieux?filtre=a_valider">{n.aValider} lieu(x) à valider</a>
            </li>
            <li>
              <a href="/espace/lieux?filtre=a_mettre_a_jour">{n.aMettreAJour} lieu(x) à mettre à jour</a> (non mis à jour depuis 6 mois)
            </li>
            <li>
              <a href="/espace/signalements">{n.signalements} signalement(s) à traiter</a>
            </li>
          </ul>
        ) : null}
        {aLeRole(compte, 'mediateur') && (
          <ul class="tableau-de-bord">
            <li>
              <a href="/espace/activites/nouvelle?type=individuel">Nouvel accompagnement individuel</a>
            </li>
            <li>
              <a href="/espace/activites/nouvelle?type=collectif">Nouvel atelier collectif</a>
            </li>
            <li>
              <a href="/espace/activites">Mes activités</a> : les accompagnements et ateliers que vous avez enregistrés
            </li>
          </ul>
        )}
      </>
    ),
  }
}

const FILTRES: Record<FiltreLieux, string> = { tous: 'Tous', a_valider: 'À valider', a_mettre_a_jour: 'À mettre à jour' }

export function pageLieux(p: { compte: Compte; lieux: LieuDeLEspace[]; total: number; filtre: FiltreLieux; q: string; page: number; pages: number; jeton: string; message?: string | undefined }): OptionsPage {
  const relancer = p.filtre === 'a_mettre_a_jour' && p.total > 0 && (aLeRole(p.compte, 'administrateur') || aLeRole(p.compte, 'coordinateur'))
  const lien = (page: number) => `/espace/lieux?filtre=${p.filtre}${p.q ? `&q=${encodeURIComponent(p.q)}` : ''}&page=${page}`
  return {
    titre: 'Lieux',
    titreDocument: `Lieux — ${FILTRES[p.filtre]}${p.page > 1 ? ` — page ${p.page}` : ''}`,
    contenu: (
      <>
        <Confirmation message={p.message} />
        <p>
          <a class="bouton" href="/espace/lieux/nouveau">
            Proposer un nouveau lieu
          </a>
        </p>
        {relancer && (
          <form method="post" action="/espace/rappels" aria-label="Relancer les gestionnaires">
            <ChampCache nom="jeton" valeur={p.jeton} />
            <p>Un courriel demande aux gestionnaires de chacune de ces fiches de la vérifier (une fois par semaine au plus pour une même fiche).</p>
            <Bouton secondaire>Relancer les gestionnaires des {p.total} fiche(s) à mettre à jour</Bouton>
          </form>
        )}
        <form method="get" action="/espace/lieux" class="recherche" aria-label="Filtrer les lieux">
          <ListeDeroulante id="filtre" nom="filtre" libelle="Afficher" valeur={p.filtre} options={Object.entries(FILTRES).map(([valeur, libelle]) => ({ valeur, libelle }))} />
          <ChampTexte id="q" nom="q" type="search" libelle="Nom, commune ou code postal" valeur={p.q} />
          <Bouton secondaire>Filtrer</Bouton>
        </form>
        <p role="status">{p.total} lieu(x)</p>
        {p.lieux.length > 0 && (
          <TableauDefilant
            legende="Lieux de votre périmètre"
            legendeCachee
            entetes={['Nom', 'Commune', 'État', 'Mis à jour le']}
            lignes={p.lieux.map((l) => ({
              entete: <a href={`/espace/lieux/${l.uid}`}>{l.nom}</a>,
              cellules: [l.commune, STATUTS_LIEU[l.statut] ?? l.statut, formaterDate(l.dateMaj)],
            }))}
          />
        )}
        <Pagination page={p.page} pages={p.pages} lien={lien} />
      </>
    ),
  }
}

export interface DonneesEdition {
  compte: Compte
  lieu: LieuDeLEspace
  fiche: Omit<PropsFormulaireFiche, 'action' | 'jeton'>
  jeton: string
  message?: string | undefined
  corrections?: ReadonlyArray<{ message: string }> | undefined
  aMettreAJour: boolean
  /** The place's quality score and what would improve it (managers see it as they edit). */
  qualite?: ScoreQualite | undefined
}

function QualiteDeLaFiche({ qualite }: { qualite: ScoreQualite }) {
  const conseils = qualite.criteres.filter((c) => c.conseil !== null)
  return (
    <details class="fiche-section">
      <summary>
        Qualité de la fiche : {Math.round(qualite.score * 100)} %{conseils.length > 0 ? ` — ${conseils.length} conseil${conseils.length > 1 ? 's' : ''} pour l’améliorer` : ''}
      </summary>
      {conseils.length === 0 ? (
        <p>La fiche est complète et à jour. Merci !</p>
      ) : (
        <ul>
          {conseils.map((c) => (
            <li>
              <strong>{c.libelle}</strong> : {c.conseil}
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}

export function pageModifierLieu(d: DonneesEdition): OptionsPage {
  const { lieu, compte } = d
  const coordonne = coordonneLieu(compte, lieu)
  return {
    titre: lieu.nom,
    titreDocument: `Modifier : ${lieu.nom}`,
    enErreur: d.fiche.erreurs.length > 0,
    statut: d.fiche.erreurs.length > 0 ? 400 : 200,
    fil: [{ libelle: 'Lieux', lien: '/espace/lieux' }, { libelle: lieu.nom }],
    chapo: (
      <p>
        {STATUTS_LIEU[lieu.statut] ?? lieu.statut} · mis à jour le {formaterDate(lieu.dateMaj)} · {lieu.statut === 'publie' && <a href={`/lieux/${lieu.uid}`}>voir la page publique</a>}
        {lieu.statut === 'publie' && ' · '}
        <a href={`/espace/lieux/${lieu.uid}/historique`}>historique des modifications</a>
        {lieu.statut === 'publie' && (
          <>
            {' · '}
            <a href={`/espace/lieux/${lieu.uid}/structure`}>structure</a>
          </>
        )}
      </p>
    ),
    contenu: (
      <>
        <Confirmation message={d.message} />
        {d.corrections && d.corrections.length > 0 && (
          <Bandeau titre="Mises en forme automatiques">
            <ul>
              {d.corrections.map((c) => (
                <li>{c.message}</li>
              ))}
            </ul>
          </Bandeau>
        )}
        {lieu.statut === 'a_valider' && (
          <Bandeau type="attention" titre="Ce lieu attend la validation d’un coordinateur">
            <p>Il n’est pas encore visible du public.</p>
            {coordonne && (
              <div class="actions">
                <form method="post" action={`/espace/lieux/${lieu.uid}/valider`}>
                  <ChampCache nom="jeton" valeur={d.jeton} />
                  <Bouton>Valider et publier</Bouton>
                </form>
                <form method="post" action={`/espace/lieux/${lieu.uid}/refuser`}>
                  <ChampCache nom="jeton" valeur={d.jeton} />
                  <ChampTexte id="motif" nom="motif" libelle="Motif du refus (facultatif)" longueurMax={500} />
                  <Bouton secondaire>Refuser</Bouton>
                </form>
              </div>
            )}
          </Bandeau>
        )}
        {d.aMettreAJour && lieu.statut === 'publie' && (
          <Bandeau type="attention" titre="Fiche à mettre à jour">
            <p>Cette fiche n’a pas été mise à jour depuis plus de 6 mois. Vérifiez-la et enregistrez-la, même sans rien changer.</p>
            {coordonne && (
              <form method="post" action={`/espace/lieux/${lieu.uid}/rappel`}>
                <ChampCache nom="jeton" valeur={d.jeton} />
                <Bouton secondaire>Envoyer un rappel à ses gestionnaires</Bouton>
              </form>
            )}
          </Bandeau>
        )}
        {d.qualite && <QualiteDeLaFiche qualite={d.qualite} />}
        <FormulaireFiche {...d.fiche} action={`/espace/lieux/${lieu.uid}`} jeton={d.jeton} />
        {coordonne && (
          <details class="fiche-section">
            <summary>Inviter un gestionnaire ou un médiateur pour ce lieu</summary>
            <form method="post" action={`/espace/lieux/${lieu.uid}/inviter`} aria-label="Inviter pour ce lieu">
              <ChampCache nom="jeton" valeur={d.jeton} />
              <ChampTexte id="invite_courriel" nom="courriel" type="email" libelle="Adresse électronique" requis />
              <ChampTexte id="invite_nom" nom="nom" libelle="Prénom et nom (facultatif)" />
              <BoutonsRadio
                id="invite_role"
                nom="role"
                legende="Rôle"
                valeur="gestionnaire"
                options={[
                  { valeur: 'gestionnaire', libelle: 'Gestionnaire du lieu', aide: 'met à jour la fiche' },
                  { valeur: 'mediateur', libelle: 'Médiateur / aidant', aide: 'rattaché au lieu, ne modifie pas la fiche' },
                ]}
              />
              <Bouton secondaire>Envoyer l’invitation</Bouton>
            </form>
          </details>
        )}
      </>
    ),
  }
}

export function pageNouveauLieu(p: { fiche: Omit<PropsFormulaireFiche, 'action' | 'jeton'>; jeton: string; publieDirectement: boolean }): OptionsPage {
  return {
    titre: 'Proposer un nouveau lieu',
    enErreur: p.fiche.erreurs.length > 0,
    statut: p.fiche.erreurs.length > 0 ? 400 : 200,
    fil: [{ libelle: 'Lieux', lien: '/espace/lieux' }, { libelle: 'Nouveau lieu' }],
    chapo: (
      <p>
        {p.publieDirectement
          ? 'Ce lieu est dans votre territoire : il sera publié dès l’enregistrement.'
          : 'Un coordinateur du territoire vérifiera ce lieu avant qu’il soit visible du public. Vous en serez le gestionnaire.'}
      </p>
    ),
    contenu: <FormulaireFiche {...p.fiche} action="/espace/lieux/nouveau" jeton={p.jeton} titreBouton={p.publieDirectement ? 'Publier le lieu' : 'Proposer le lieu'} />,
  }
}

const libelleChamp = (champ: string) => LIBELLES_CHAMPS[champ as Champ] ?? champ
const valeurLisible = (v: unknown): string => (v === null || v === undefined || v === '' ? '(vide)' : Array.isArray(v) ? (v.length ? v.join(', ') : '(vide)') : String(v))

export function pageHistorique(lieu: LieuDeLEspace, lignes: readonly LigneJournal[]): OptionsPage {
  return {
    titre: `Historique : ${lieu.nom}`,
    fil: [{ libelle: 'Lieux', lien: '/espace/lieux' }, { libelle: lieu.nom, lien: `/espace/lieux/${lieu.uid}` }, { libelle: 'Historique' }],
    chapo: <p>Chaque modification faite dans l’espace professionnel, la plus récente en premier. Ce journal ne peut être ni modifié ni effacé.</p>,
    contenu:
      lignes.length === 0 ? (
        <p>Aucune modification n’a encore été faite dans l’espace professionnel.</p>
      ) : (
        <ol class="historique">
          {lignes.map((l) => {
            const changements = l.changements && typeof l.changements === 'object' ? Object.entries(l.changements as Record<string, unknown>) : []
            return (
              <li>
                <p>
                  <strong>{formaterDate(l.quand)}</strong> — {l.acteur} {LIBELLES_ACTIONS[l.action] ?? l.action}
                </p>
                {changements.length > 0 && (
                  <ul>
                    {changements.map(([champ, v]) =>
                      Array.isArray(v) && v.length === 2 ? (
                        <li>
                          {libelleChamp(champ)} : {valeurLisible(v[0])} → {valeurLisible(v[1])}
                        </li>
                      ) : (
                        <li>
                          {libelleChamp(champ)} : {valeurLisible(v)}
                        </li>
                      ),
                    )}
                  </ul>
                )}
              </li>
            )
          })}
        </ol>
      ),
  }
}

export function pageSignalements(p: { compte: Compte; liste: SignalementVu[]; jeton: string; tous: boolean; message?: string | undefined }): OptionsPage {
  return {
    titre: 'Signalements',
    chapo: <p>Les erreurs signalées par le public sur les lieux de votre périmètre. Corrigez la fiche, puis indiquez où en est le signalement.</p>,
    contenu: (
      <>
        <Confirmation message={p.message} />
        <p>{p.tous ? <a href="/espace/signalements">Voir seulement les signalements à traiter</a> : <a href="/espace/signalements?tous=1">Voir aussi les signalements traités</a>}</p>
        {p.liste.length === 0 && <p>Aucun signalement à traiter.</p>}
        {p.liste.map((s) => (
          <section class="fiche-section" aria-labelledby={`signalement-${s.id}`}>
            <h2 id={`signalement-${s.id}`}>
              <a href={`/espace/lieux/${s.lieuUid}`}>{s.nomLieu}</a> ({s.commune})
            </h2>
            <p>
              Reçu le {formaterDate(s.createdAt)} · {STATUTS_SIGNALEMENT[s.statut]} · {s.rubriques.map((r) => RUBRIQUES[r as keyof typeof RUBRIQUES] ?? r).join(', ')}
            </p>
            <p class="texte-libre">{s.message}</p>
            {s.contact && <p>Contact laissé pour une réponse : {s.contact}</p>}
            {s.reponse && <p>Réponse enregistrée : {s.reponse}</p>}
            <form method="post" action={`/espace/signalements/${s.id}`} aria-label={`Traiter le signalement sur ${s.nomLieu}`}>
              <ChampCache nom="jeton" valeur={p.jeton} />
              <ListeDeroulante id={`statut-${s.id}`} nom="statut" libelle="Statut" valeur={s.statut} options={Object.entries(STATUTS_SIGNALEMENT).map(([valeur, libelle]) => ({ valeur, libelle }))} />
              <ZoneTexte id={`reponse-${s.id}`} nom="reponse" libelle="Note (facultatif)" lignes={2} longueurMax={1000} />
              <Bouton secondaire>Enregistrer</Bouton>
            </form>
          </section>
        ))}
      </>
    ),
  }
}
