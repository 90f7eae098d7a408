/**
 * The pages of the cartography of actors, rendered on the server without JavaScript: the list
 * of a coordinator's territory (GET form of filters, counts by type, table), an actor's page
 * (roles, compétences, places run, partnerships both ways, roadmap actions it owns or partners,
 * where each field comes from) and the
 * form to create or edit an actor (error summary, errors next to their fields).
 */
import type { OptionsPage } from '../../../platform/http/page.ts'
import { dateLongue } from '../../../places/pages/format.ts'
import { ResumeErreurs } from '../../../platform/ui/avis.tsx'
import { Etiquettes, ListeDescriptions, TableauDefilant } from '../../../platform/ui/donnees.tsx'
import { Bouton, CasesACocher, ChampCache, ChampTexte, ListeDeroulante, ZoneTexte } from '../../../platform/ui/formulaire.tsx'
import { Confirmation } from '../../../accounts/http/pages-communes.tsx'
import { COMPETENCES, NATURES_PARTENARIAT, ROLES_ACTEUR, STATUTS_ACTEUR, TYPES_ACTEUR, libelle, options } from '../domaine/vocabulaire.ts'
import type { ChampActeur } from '../domaine/fusion.ts'
import { enCours } from '../domaine/partenariats.ts'
import type { ActeurListe, FicheActeur, Filtres } from '../store/lecture.ts'
import type { Partenariat } from '../store/partenariats.ts'
import type { ActionDeLActeur } from '../../feuille-de-route/store.ts'

const date = (iso: string | null) => (iso ? dateLongue(iso) : '—')
const roles = (codes: readonly string[]) => codes.map((c) => libelle(ROLES_ACTEUR, c))

export function pageListe(p: {
  acteurs: ActeurListe[]
  total: number
  parType: Record<string, number>
  filtres: Filtres
  communes: Array<{ code: string; nom: string }>
  requete: string
  portee: string
}): OptionsPage {
  const f = p.filtres
  return {
    titre: 'Cartographie des acteurs',
    chapo: `Les organisations du réseau — ${p.portee} : structures, associations, entreprises, collectivités, services de l’État, réseaux et financeurs, avec leurs rôles, compétences et partenariats.`,
    contenu: (
      <>
        <p>
          <a class="bouton" href="/pilotage/acteurs/nouveau">Ajouter un acteur</a>
        </p>
        <form method="get" action="/pilotage/acteurs" class="filtres">
          <ChampTexte id="q" nom="q" type="search" libelle="Nom ou commune" valeur={f.q ?? ''} longueurMax={100} />
          <ListeDeroulante id="type" nom="type" libelle="Type" options={options(TYPES_ACTEUR)} valeur={f.type} optionVide="Tous les types" />
          <ListeDeroulante id="role" nom="role" libelle="Rôle dans le réseau" options={options(ROLES_ACTEUR)} valeur={f.role} optionVide="Tous les rôles" />
          <ListeDeroulante id="competence" nom="competence" libelle="Compétence" options={COMPETENCES.map((c) => ({ valeur: c, libelle: c }))} valeur={f.competence} optionVide="Toutes les compétences" />
          <ListeDeroulante id="commune" nom="commune" libelle="Commune" options={p.communes.map((c) => ({ valeur: c.code, libelle: c.nom }))} valeur={f.commune} optionVide="Toutes les communes" />
          <Bouton>Filtrer</Bouton>
        </form>
        <h2>
          {p.total} acteur{p.total > 1 ? 's' : ''}
        </h2>
        <TableauDefilant
          legende="Acteurs par type"
          entetes={['Type', 'Acteurs']}
          lignes={Object.entries(TYPES_ACTEUR).map(([code, nom]) => ({ entete: nom, cellules: [String(p.parType[code] ?? 0)] }))}
        />
        <p>
          Télécharger ces acteurs : <a href={`/pilotage/acteurs/export.csv${p.requete}`}>CSV</a> · <a href={`/pilotage/acteurs/export.xlsx${p.requete}`}>XLSX</a>
        </p>
        {p.acteurs.length === 0 ? (
          <p>Aucun acteur ne correspond à ces critères.</p>
        ) : (
          <TableauDefilant
            legende={`Acteurs${p.acteurs.length < p.total ? ` (les ${p.acteurs.length} premiers)` : ''}`}
            entetes={['Nom', 'Type', 'Commune', 'Rôles', 'Lieux', 'Partenariats en cours']}
            lignes={p.acteurs.map((a) => ({
              entete: <a href={`/pilotage/acteurs/${a.id}`}>{a.nom}</a>,
              cellules: [libelle(TYPES_ACTEUR, a.type), a.commune, roles(a.roles).join(', ') || '—', String(a.lieux), String(a.partenariats)],
            }))}
          />
        )}
      </>
    ),
  }
}

const LIBELLES_CHAMPS: Record<ChampActeur, string> = {
  nom: 'Nom',
  type: 'Type',
  siret: 'SIRET',
  adresse: 'Adresse',
  code_postal: 'Code postal',
  commune: 'Commune',
  code_insee: 'Code INSEE',
  code_departement: 'Département',
  code_region: 'Région',
  site_web: 'Site web',
  courriel: 'Courriel',
  telephone: 'Téléphone',
  roles: 'Rôles',
  competences: 'Compétences',
  description: 'Description',
  date_maj: 'Mise à jour',
}

export function pageFiche(p: {
  acteur: FicheActeur
  modifiable: boolean
  lieux: Array<{ id: string; nom: string; commune: string }>
  structure: string | null
  partenariats: Partenariat[]
  /** Roadmap actions (of territories the account pilots) the actor owns or partners. */
  actions: ActionDeLActeur[]
  /** Whether the other actor of a partnership may be opened (in the scope). */
  visible: (p: Partenariat) => boolean
  choix: Array<{ id: number; nom: string; commune: string }>
  jeton: string
  aujourdhui: string
  message?: string | undefined
  erreurs?: Array<{ champ: string; message: string }> | undefined
  saisie?: Record<string, string> | undefined
}): OptionsPage {
  const a = p.acteur
  const erreurs = p.erreurs ?? []
  const erreur = (champ: string) => erreurs.find((e) => e.champ === champ)?.message
  const s = p.saisie ?? {}
  return {
    titre: a.nom,
    statut: erreurs.length > 0 ? 400 : 200,
    fil: [{ lien: '/pilotage/acteurs', libelle: 'Cartographie des acteurs' }],
    contenu: (
      <>
        <Confirmation message={p.message} />
        <ResumeErreurs erreurs={erreurs} />
        {a.statut !== 'publie' && (
          <p>
            <strong>Statut : {libelle(STATUTS_ACTEUR, a.statut)}</strong>
            {a.fusionneDans !== null && (
              <>
                {' '}
                — voir <a href={`/pilotage/acteurs/${a.fusionneDans}`}>l’acteur qui le remplace</a>
              </>
            )}
          </p>
        )}
        <ListeDescriptions
          elements={[
            { terme: 'Type', definition: libelle(TYPES_ACTEUR, a.type) },
            a.siret !== null && { terme: 'SIRET', definition: a.siret },
            { terme: 'Adresse', definition: [a.adresse, [a.code_postal, a.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ') },
            a.site_web !== null && { terme: 'Site web', definition: <a href={a.site_web}>{a.site_web}</a> },
            a.courriel !== null && { terme: 'Courriel', definition: a.courriel },
            a.telephone !== null && { terme: 'Téléphone', definition: a.telephone },
            a.description !== null && { terme: 'Description', definition: a.description },
            p.structure !== null && { terme: 'Structure de l’espace professionnel', definition: p.structure },
          ]}
        />
        <h2>Rôles dans le réseau</h2>
        {a.roles.length ? <Etiquettes elements={roles(a.roles)} libelle="Rôles" /> : <p>Aucun rôle renseigné.</p>}
        <h2>Compétences</h2>
        {a.competences.length ? <Etiquettes elements={a.competences} libelle="Compétences" /> : <p>Aucune compétence renseignée.</p>}
        <h2>Lieux portés</h2>
        {p.lieux.length === 0 ? (
          <p>Aucun lieu publié n’est rattaché à cet acteur (par sa structure ou par son SIRET).</p>
        ) : (
          <ul>
            {p.lieux.map((l) => (
              <li>
                <a href={`/lieux/${encodeURIComponent(l.id)}`}>{l.nom}</a> — {l.commune}
              </li>
            ))}
          </ul>
        )}
        <h2>Partenariats</h2>
        {p.partenariats.length === 0 ? (
          <p>Aucun partenariat.</p>
        ) : (
          <TableauDefilant
            legende="Partenariats de l’acteur, dans les deux sens"
            entetes={['Partenaire', 'Nature', 'Déclaré par', 'Début', 'Fin', 'Origine', 'Action']}
            lignes={p.partenariats.map((x) => ({
              entete: p.visible(x) ? <a href={`/pilotage/acteurs/${x.autre.id}`}>{x.autre.nom}</a> : `${x.autre.nom} (${x.autre.commune}, hors de votre territoire)`,
              cellules: [
                libelle(NATURES_PARTENARIAT, x.nature),
                x.sens === 'sortant' ? 'cet acteur' : 'le partenaire',
                date(x.debut),
                date(x.fin),
                x.source ?? 'saisie',
                p.modifiable && enCours(x, p.aujourdhui) ? (
                  <form method="post" action={`/pilotage/acteurs/${a.id}/partenariats/${x.id}/fin`}>
                    <ChampCache nom="jeton" valeur={p.jeton} />
                    <button type="submit" class="bouton bouton-secondaire">
                      Terminer<span class="visuellement-cache"> le partenariat avec {x.autre.nom}</span>
                    </button>
                  </form>
                ) : (
                  '—'
                ),
              ],
            }))}
          />
        )}
        {p.modifiable && a.statut === 'publie' && (
          <form method="post" action={`/pilotage/acteurs/${a.id}/partenariats`} novalidate>
            <h3>Ajouter un partenariat</h3>
            <ChampCache nom="jeton" valeur={p.jeton} />
            <ListeDeroulante id="partenaire" nom="partenaire" libelle="Partenaire (acteur de votre territoire)" options={p.choix.map((c) => ({ valeur: String(c.id), libelle: `${c.nom} — ${c.commune}` }))} valeur={s.partenaire} optionVide="Choisir…" erreur={erreur('partenaire')} />
            <ChampTexte id="partenaire_siret" nom="partenaire_siret" libelle="ou SIRET d’un partenaire hors de votre territoire" valeur={s.partenaire_siret} court longueurMax={20} modeSaisie="numeric" />
            <ListeDeroulante id="nature" nom="nature" libelle="Nature" options={options(NATURES_PARTENARIAT)} valeur={s.nature} optionVide="Choisir…" erreur={erreur('nature')} />
            <ChampTexte id="debut" nom="debut" type="date" libelle="Début (facultatif)" valeur={s.debut} erreur={erreur('debut')} court />
            <ChampTexte id="fin" nom="fin" type="date" libelle="Fin (facultatif)" valeur={s.fin} erreur={erreur('fin')} court />
            <ZoneTexte id="description" nom="description" libelle="Description (facultatif)" valeur={s.description} lignes={3} longueurMax={1000} erreur={erreur('description')} />
            <Bouton>Ajouter le partenariat</Bouton>
          </form>
        )}
        <h2>Actions de feuille de route</h2>
        {p.actions.length === 0 ? (
          <p>Cet acteur ne porte aucune action de feuille de route et n’y est partenaire d’aucune.</p>
        ) : (
          <ul>
            {p.actions.map((x) => (
              <li>
                <a href={`/pilotage/feuille-de-route/${x.feuilleId}#action-${x.actionId}`}>{x.titre}</a> ({x.feuille}) — {x.role === 'porteur' ? 'porteur' : 'partenaire'}
              </li>
            ))}
          </ul>
        )}
        <h2>D’où viennent ces informations</h2>
        <TableauDefilant
          legende="Source et date de chaque information"
          entetes={['Information', 'Source', 'Date']}
          lignes={(Object.keys(LIBELLES_CHAMPS) as ChampActeur[])
            .filter((c) => a.provenance[c]?.length)
            .map((c) => ({ entete: LIBELLES_CHAMPS[c], cellules: [(a.provenance[c] ?? []).map((o) => o.source).join(', '), (a.provenance[c] ?? []).map((o) => date(o.date)).join(', ')] }))}
        />
        <p>
          Enregistrements sources : {a.sources.map((x) => `${x.source} (${x.recordId}${x.retire ? ', retiré' : ''})`).join(' ; ')}.
        </p>
        {p.modifiable && (
          <p>
            <a class="bouton" href={`/pilotage/acteurs/${a.id}/modifier`}>Modifier l’acteur</a>
          </p>
        )}
      </>
    ),
  }
}

/** The form's values (as typed) and its errors by field. */
export interface EtatFormulaire {
  valeurs: Record<string, string | string[]>
  erreurs: Array<{ champ: string; message: string }>
}

const texte = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join('|') : (v ?? ''))
const liste = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split('|') : [])

/** The structure choice that removes the actor's link to its structure. */
export const AUCUNE_STRUCTURE = 'aucune'

export function pageFormulaire(p: { acteurId: number | null; etat: EtatFormulaire; structures: Array<{ id: number; nom: string }>; jeton: string }): OptionsPage {
  const v = p.etat.valeurs
  const erreur = (champ: string) => {
    const messages = p.etat.erreurs.filter((e) => e.champ === champ).map((e) => e.message)
    return messages.length ? messages.join(' ') : undefined
  }
  const action = p.acteurId === null ? '/pilotage/acteurs/nouveau' : `/pilotage/acteurs/${p.acteurId}/modifier`
  return {
    titre: p.acteurId === null ? 'Ajouter un acteur' : 'Modifier l’acteur',
    statut: p.etat.erreurs.length > 0 ? 400 : 200,
    fil: [{ lien: '/pilotage/acteurs', libelle: 'Cartographie des acteurs' }],
    contenu: (
      <>
        <ResumeErreurs erreurs={p.etat.erreurs} />
        <p>
          Une organisation, jamais une personne : n’indiquez que les coordonnées de l’organisation (accueil, adresse générique). Ce que vous saisissez est la source « saisie », visible dans la
          provenance de chaque information.
        </p>
        <form method="post" action={action} novalidate>
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampTexte id="nom" nom="nom" libelle="Nom" valeur={texte(v.nom)} erreur={erreur('nom')} requis longueurMax={200} />
          <ListeDeroulante id="type" nom="type" libelle="Type d’acteur" options={options(TYPES_ACTEUR)} valeur={texte(v.type)} optionVide="Choisir…" erreur={erreur('type')} />
          <ChampTexte id="siret" nom="siret" libelle="SIRET (facultatif, 14 chiffres)" valeur={texte(v.siret)} erreur={erreur('siret')} court longueurMax={20} modeSaisie="numeric" />
          <ChampTexte id="adresse" nom="adresse" libelle="Adresse (facultatif)" valeur={texte(v.adresse)} erreur={erreur('adresse')} longueurMax={200} autocomplete="street-address" />
          <ChampTexte id="code_postal" nom="code_postal" libelle="Code postal (facultatif)" valeur={texte(v.code_postal)} erreur={erreur('code_postal')} court longueurMax={5} modeSaisie="numeric" autocomplete="postal-code" />
          <ChampTexte id="commune" nom="commune" libelle="Commune" aide="Le territoire de l’acteur en dépend." valeur={texte(v.commune)} erreur={erreur('commune')} requis longueurMax={100} />
          <ChampTexte id="site_web" nom="site_web" type="url" libelle="Site web (facultatif)" valeur={texte(v.site_web)} erreur={erreur('site_web')} longueurMax={300} />
          <ChampTexte id="courriel" nom="courriel" type="email" libelle="Courriel de l’organisation (facultatif)" valeur={texte(v.courriel)} erreur={erreur('courriel')} longueurMax={200} />
          <ChampTexte id="telephone" nom="telephone" type="tel" libelle="Téléphone de l’organisation (facultatif)" valeur={texte(v.telephone)} erreur={erreur('telephone')} court longueurMax={30} />
          <CasesACocher id="roles" nom="roles" legende="Rôles dans le réseau" options={options(ROLES_ACTEUR)} valeurs={liste(v.roles)} erreur={erreur('roles')} />
          <CasesACocher id="competences" nom="competences" legende="Compétences" options={COMPETENCES.map((c) => ({ valeur: c, libelle: c }))} valeurs={liste(v.competences)} erreur={erreur('competences')} />
          <ZoneTexte id="description" nom="description" libelle="Description (facultatif)" valeur={texte(v.description)} erreur={erreur('description')} longueurMax={2000} />
          {p.structures.length > 0 && (
            <ListeDeroulante
              id="structure"
              nom="structure"
              libelle="Structure qui tient des lieux dans l’espace professionnel (facultatif)"
              aide="Les lieux de cette structure seront les lieux portés par l’acteur."
              options={[...p.structures.map((x) => ({ valeur: String(x.id), libelle: x.nom })), { valeur: AUCUNE_STRUCTURE, libelle: 'Aucune structure (délier)' }]}
              valeur={texte(v.structure)}
              optionVide="Sans changement (ou reconnue par son SIRET)"
              erreur={erreur('structure')}
            />
          )}
          <Bouton>{p.acteurId === null ? 'Ajouter l’acteur' : 'Enregistrer'}</Bouton>
        </form>
      </>
    ),
  }
}
