/**
 * The referral pages: the list (received by my places, sent by me), the form to orient a
 * person to another place (find the place, say the need, tick what the person agreed to
 * share, with the consent's date and manner), and a referral's page (the receiving place
 * answers and records the outcome; the referring mediator follows the status).
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { ResumeErreurs } from '../../platform/ui/avis.tsx'
import { TableauDefilant } from '../../platform/ui/donnees.tsx'
import { Bouton, BoutonsRadio, CasesACocher, ChampCache, ChampTexte, ListeDeroulante, ZoneTexte } from '../../platform/ui/formulaire.tsx'
import { Confirmation } from '../../accounts/http/pages-communes.tsx'
import { RECUEILS_CONSENTEMENT } from '../domain/acces.ts'
import { CHAMPS_PARTAGEABLES, STATUTS_ORIENTATION, statutsSuivants, type ErreurOrientation } from '../domain/orientations.ts'
import type { OrientationVue } from '../store/orientations.ts'

const date = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })

function Liste({ titre, liste, vide, colonne }: { titre: string; liste: OrientationVue[]; vide: string; colonne: 'de' | 'vers' }) {
  return (
    <section aria-labelledby={`titre-${colonne}`}>
      <h2 id={`titre-${colonne}`}>{titre}</h2>
      {liste.length === 0 ? (
        <p>{vide}</p>
      ) : (
        <TableauDefilant
          legende={titre}
          legendeCachee
          entetes={['Orientation', colonne === 'de' ? 'Orientée par' : 'Vers', 'Besoin', 'Statut']}
          lignes={liste.map((o) => ({
            entete: <a href={`/espace/orientations/${o.id}`}>Du {date(o.creeLe)}</a>,
            cellules: [colonne === 'de' ? (o.deLieuNom ?? 'Un médiateur') : o.versLieuNom, o.besoin, STATUTS_ORIENTATION[o.statut]],
          }))}
        />
      )}
    </section>
  )
}

export function pageOrientations(p: { recues: OrientationVue[]; envoyees: OrientationVue[]; peutEnvoyer: boolean; message?: string | undefined }): OptionsPage {
  return {
    titre: 'Orientations',
    contenu: (
      <>
        <Confirmation message={p.message} />
        <p>Quand vous orientez une personne vers un autre lieu, ce lieu reçoit la demande, l’accepte et indique la suite donnée : vous voyez où elle en est.</p>
        {p.peutEnvoyer && (
          <p>
            <a class="bouton" href="/espace/orientations/nouvelle">
              Orienter une personne
            </a>
          </p>
        )}
        <Liste titre="Reçues par vos lieux" liste={p.recues} vide="Aucune orientation reçue pour le moment." colonne="de" />
        {p.peutEnvoyer && <Liste titre="Envoyées par vous" liste={p.envoyees} vide="Vous n’avez encore orienté personne." colonne="vers" />}
      </>
    ),
  }
}

export interface PropsNouvelle {
  jeton: string
  q: string
  resultats: Array<{ uid: number; nom: string; commune: string; codePostal: string }>
  mesLieux: Array<{ uid: number; nom: string }>
  activite?: string | undefined
  valeurs: Record<string, string | string[] | undefined>
  erreurs: ErreurOrientation[]
}

export function pageNouvelleOrientation(p: PropsNouvelle): OptionsPage {
  const v = (cle: string) => {
    const x = p.valeurs[cle]
    return Array.isArray(x) ? x[0] : x
  }
  const erreur = (champ: string) => p.erreurs.find((e) => e.champ === champ)?.message
  const coches = [p.valeurs.partager ?? []].flat()
  const action = `/espace/orientations/nouvelle?${p.activite ? `activite=${p.activite}&` : ''}q=${encodeURIComponent(p.q)}`
  return {
    titre: 'Orienter une personne vers un autre lieu',
    statut: p.erreurs.length > 0 ? 400 : 200,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <form method="get" action="/espace/orientations/nouvelle" class="recherche" aria-label="Chercher le lieu">
          {p.activite && <ChampCache nom="activite" valeur={p.activite} />}
          <ChampTexte id="q" nom="q" type="search" libelle="1. Chercher le lieu : nom, commune ou code postal" valeur={p.q} />
          <Bouton secondaire>Chercher</Bouton>
        </form>
        <form method="post" action={action}>
          <ChampCache nom="jeton" valeur={p.jeton} />
          {p.resultats.length > 0 ? (
            <BoutonsRadio
              id="vers"
              nom="vers"
              legende="2. Choisir le lieu"
              erreur={erreur('vers')}
              valeur={v('vers')}
              options={p.resultats.map((l) => ({ valeur: String(l.uid), libelle: `${l.nom} — ${l.commune} (${l.codePostal})` }))}
            />
          ) : (
            <p id="vers" class={erreur('vers') ? 'message-erreur' : undefined}>
              {p.q ? 'Aucun lieu ne correspond : essayez un autre nom ou la commune.' : 'Cherchez d’abord le lieu ci-dessus.'}
            </p>
          )}
          {p.mesLieux.length > 1 && (
            <ListeDeroulante id="de" nom="de" libelle="Vous orientez depuis" valeur={v('de')} options={p.mesLieux.map((l) => ({ valeur: String(l.uid), libelle: l.nom }))} />
          )}
          <ChampTexte id="besoin" nom="besoin" libelle="3. Le besoin de la personne" aide="Par exemple : créer son espace France Travail, demande de carte grise." valeur={v('besoin')} erreur={erreur('besoin')} longueurMax={300} />
          <CasesACocher
            id="partager"
            nom="partager"
            legende="4. Ce que la personne accepte de transmettre au lieu"
            aide="Ne cochez que ce que la personne a accepté. Sans rien de coché, le lieu reçoit seulement le besoin : donnez alors à la personne l’adresse du lieu."
            valeurs={coches}
            enLigne
            options={CHAMPS_PARTAGEABLES.map((c) => ({ valeur: c.valeur, libelle: c.libelle }))}
          />
          {CHAMPS_PARTAGEABLES.map((c) => (
            <ChampTexte
              id={c.valeur}
              nom={c.valeur}
              libelle={`${c.libelle} (transmis seulement si la case est cochée)`}
              valeur={v(c.valeur)}
              erreur={erreur(c.valeur)}
              court={c.valeur === 'telephone'}
              type={c.valeur === 'courriel' ? 'email' : c.valeur === 'telephone' ? 'tel' : 'text'}
              longueurMax={200}
            />
          ))}
          <fieldset class="champ">
            <legend>5. L’accord de la personne (si vous transmettez quelque chose)</legend>
            <ChampTexte id="consentement_le" nom="consentement_le" type="date" libelle="Date de l’accord" aide="Par exemple 14/03/2025." valeur={v('consentement_le')} erreur={erreur('consentement_le')} court />
            <BoutonsRadio id="consentement_recueil" nom="consentement_recueil" legende="Comment l’accord a été donné" erreur={erreur('consentement_recueil')} valeur={v('consentement_recueil')} options={RECUEILS_CONSENTEMENT} />
          </fieldset>
          <ZoneTexte id="message" nom="message" libelle="Message pour le lieu (facultatif)" aide="Aucune information sensible (santé, mots de passe…)." valeur={v('message')} erreur={erreur('message')} />
          <Bouton>Envoyer l’orientation</Bouton>
        </form>
      </>
    ),
  }
}

export function pageOrientation(p: { o: OrientationVue; recoit: boolean; jeton: string; message?: string | undefined; erreur?: string | undefined }): OptionsPage {
  const { o } = p
  const suivants = p.recoit ? statutsSuivants(o.statut) : []
  const partage = CHAMPS_PARTAGEABLES.filter((c) => o.partage[c.valeur] !== undefined)
  return {
    titre: `Orientation vers ${o.versLieuNom}`,
    contenu: (
      <>
        <Confirmation message={p.message} />
        <dl class="fiche-orientation">
          <dt>Statut</dt>
          <dd>
            <strong>{STATUTS_ORIENTATION[o.statut]}</strong> (mis à jour le {date(o.misAJourLe)})
          </dd>
          <dt>Orientée par</dt>
          <dd>
            {o.deLieuNom ?? 'Un médiateur'}, le {date(o.creeLe)}
          </dd>
          <dt>Besoin</dt>
          <dd>{o.besoin}</dd>
          {partage.map((c) => (
            <>
              <dt>{c.libelle}</dt>
              <dd>{o.partage[c.valeur]}</dd>
            </>
          ))}
          {o.partage.message && (
            <>
              <dt>Message</dt>
              <dd>{o.partage.message}</dd>
            </>
          )}
          {o.consentementLe && (
            <>
              <dt>Accord de la personne</dt>
              <dd>
                Donné le {o.consentementLe} ({RECUEILS_CONSENTEMENT.find((r) => r.valeur === o.consentementRecueil)?.libelle ?? 'manière non précisée'})
              </dd>
            </>
          )}
          {o.reponse && (
            <>
              <dt>Réponse du lieu</dt>
              <dd>{o.reponse}</dd>
            </>
          )}
        </dl>
        {partage.length === 0 && !o.partage.message && <p>La personne n’a rien souhaité transmettre d’autre que son besoin.</p>}
        {suivants.length > 0 && (
          <form method="post" action={`/espace/orientations/${o.id}/statut`}>
            <ChampCache nom="jeton" valeur={p.jeton} />
            <BoutonsRadio id="statut" nom="statut" legende={o.statut === 'envoyee' ? 'Votre réponse' : 'La suite donnée'} erreur={p.erreur} options={suivants.map((s) => ({ valeur: s, libelle: STATUTS_ORIENTATION[s] }))} />
            <ZoneTexte id="reponse" nom="reponse" libelle="Un mot pour le médiateur qui a orienté (facultatif)" aide="Aucune information sensible." />
            <Bouton>Enregistrer</Bouton>
          </form>
        )}
        <p>
          <a href="/espace/orientations">Revenir aux orientations</a>
        </p>
      </>
    ),
  }
}
