/**
 * The orientation sheet (`/lieux/:uid/fiche`) a helper prepares for a person: the form (the
 * helper's name and structure, the person's first name, a note, the procedure they come for),
 * and the printable A4 sheet — the place, how to get in, the week's hours, contacts, services,
 * what to bring for that procedure, who sent the person. What is typed is never stored nor
 * logged: it only travels in the POST and comes back in this page (sent `no-store`).
 */
import type { FicheLieu } from '../../places/registry/queries.ts'
import { Contacts, Horaires } from '../../places/pages/fiche.tsx'
import { dateLongue } from '../../places/pages/format.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import type { OptionsPage } from '../../platform/http/page.ts'
import { ResumeErreurs, type ErreurFormulaire } from '../../platform/ui/avis.tsx'
import { Bouton, BoutonsRadio, ChampTexte, ZoneTexte } from '../../platform/ui/formulaire.tsx'
import { besoinParId, GROUPES } from '../besoins.ts'
import { aApporter } from './apporter.ts'

export interface ValeursFiche {
  aidant: string
  structure: string
  prenom: string
  note: string
  demarche: string
}

export const FICHE_VIDE: ValeursFiche = { aidant: '', structure: '', prenom: '', note: '', demarche: '' }

export const LONGUEURS: Readonly<Record<keyof ValeursFiche, number>> = { aidant: 100, structure: 150, prenom: 60, note: 600, demarche: 40 }

/** The needs of the « démarches » group: the procedures a sheet may prepare for. */
export const DEMARCHES = GROUPES.find((g) => g.id === 'demarches')?.besoins ?? []

/** Values of a POST body, bounded; unknown procedures are dropped. */
export function lireValeursFiche(corps: Record<string, unknown>): ValeursFiche {
  const texte = (nom: keyof ValeursFiche) => {
    const brut = corps[nom]
    const v = Array.isArray(brut) ? brut[0] : brut
    return typeof v === 'string' ? v.trim().slice(0, LONGUEURS[nom]) : ''
  }
  const demarche = texte('demarche')
  return { aidant: texte('aidant'), structure: texte('structure'), prenom: texte('prenom'), note: texte('note'), demarche: DEMARCHES.some((b) => b.id === demarche) ? demarche : '' }
}

export function erreursFiche(v: ValeursFiche): ErreurFormulaire[] {
  const erreurs: ErreurFormulaire[] = []
  if (!v.aidant) erreurs.push({ champ: 'aidant', message: 'Indiquez votre nom : il figure sur la fiche, pour que la personne sache qui l’envoie.' })
  if (!v.structure) erreurs.push({ champ: 'structure', message: 'Indiquez votre structure (par exemple : CCAS de Chambéry).' })
  return erreurs
}

const fil = (lieu: FicheLieu) => [
  { libelle: 'Accueil', lien: '/' },
  { libelle: lieu.nom, lien: `/lieux/${lieu.uid}` },
  { libelle: 'Fiche d’orientation' },
]

export function pageFormulaireFiche(lieu: FicheLieu, valeurs: ValeursFiche, erreurs: readonly ErreurFormulaire[]): OptionsPage {
  const erreur = (champ: string) => erreurs.find((e) => e.champ === champ)?.message
  return {
    titre: 'Préparer une fiche d’orientation',
    titreDocument: `Fiche d’orientation : ${lieu.nom}`,
    enErreur: erreurs.length > 0,
    statut: erreurs.length > 0 ? 400 : 200,
    fil: fil(lieu),
    chapo: (
      <p>
        Vous orientez une personne vers <a href={`/lieux/${lieu.uid}`}>{lieu.nom}</a>. Remplissez ces quelques champs pour imprimer une
        fiche à lui remettre. Rien de ce que vous écrivez n’est enregistré.
      </p>
    ),
    contenu: (
      <>
        <ResumeErreurs erreurs={erreurs} />
        <form method="post" action={`/lieux/${lieu.uid}/fiche`} aria-label="Préparer la fiche">
          <ChampTexte id="aidant" nom="aidant" libelle="Votre nom" valeur={valeurs.aidant} erreur={erreur('aidant')} autocomplete="name" longueurMax={LONGUEURS.aidant} />
          <ChampTexte
            id="structure"
            nom="structure"
            libelle="Votre structure"
            aide="Par exemple : CCAS de Chambéry, mairie de Cognin"
            valeur={valeurs.structure}
            erreur={erreur('structure')}
            autocomplete="organization"
            longueurMax={LONGUEURS.structure}
          />
          <ChampTexte id="prenom" nom="prenom" libelle="Prénom de la personne (facultatif)" valeur={valeurs.prenom} autocomplete="off" longueurMax={LONGUEURS.prenom} />
          <BoutonsRadio
            id="demarche"
            nom="demarche"
            legende="Pour quelle démarche vient-elle ?"
            aide="La fiche dira quoi apporter."
            valeur={valeurs.demarche}
            options={[...DEMARCHES.map((b) => ({ valeur: b.id, libelle: b.libelle })), { valeur: '', libelle: 'Aucune en particulier' }]}
          />
          <ZoneTexte
            id="note"
            nom="note"
            libelle="Un mot pour la personne (facultatif)"
            aide="Par exemple : demandez Mme Martin, elle vous attend mardi matin."
            valeur={valeurs.note}
            longueurMax={LONGUEURS.note}
            lignes={3}
          />
          <Bouton>Préparer la fiche</Bouton>
        </form>
      </>
    ),
  }
}

const ACCES: Readonly<Record<string, string>> = {
  'Se présenter': 'Vous pouvez venir sans rendez-vous.',
  Téléphoner: 'Vous pouvez téléphoner avant de venir.',
  'Contacter par mail': 'Vous pouvez écrire un courriel avant de venir.',
  'Prendre un RDV en ligne': 'Vous pouvez prendre rendez-vous en ligne.',
}

export function pageFicheImprimable(lieu: FicheLieu, v: ValeursFiche, aujourdhui: string = aujourdhuiParis()): OptionsPage {
  const demarche = v.demarche ? besoinParId(v.demarche) : undefined
  const acces = lieu.modalites_acces.map((m) => ACCES[m]).filter((m): m is string => m !== undefined)
  return {
    titre: lieu.nom,
    titreDocument: `Fiche d’orientation : ${lieu.nom}`,
    classe: 'feuille-a4',
    fil: fil(lieu),
    chapo: (
      <p class="grand">
        {v.prenom ? `${v.prenom}, voici` : 'Voici'} le lieu où l’on peut vous aider{demarche ? <> pour : {demarche.libelle}</> : ''}.
      </p>
    ),
    contenu: (
      <>
        <p class="ne-pas-imprimer">
          <button type="button" class="bouton" data-imprimer hidden>
            Imprimer la fiche
          </button>{' '}
          <a href={`/lieux/${lieu.uid}/fiche`}>Préparer une autre fiche</a>
        </p>
        <section class="fiche-section">
          <h2>Adresse</h2>
          <address class="adresse grand">
            {lieu.adresse}
            <br />
            {lieu.code_postal} {lieu.commune}
          </address>
          {lieu.complement_adresse && (
            <p>
              <strong>Pour entrer :</strong> {lieu.complement_adresse}
            </p>
          )}
          {acces.length > 0 && <p>{acces.join(' ')}</p>}
        </section>
        <section class="fiche-section">
          <h2>Contact</h2>
          <Contacts lieu={lieu} />
        </section>
        <section class="fiche-section pleine-largeur">
          <h2>Horaires</h2>
          <Horaires horaires={lieu.horaires} aujourdhui={aujourdhui} />
        </section>
        <section class="fiche-section">
          <h2>Ce qu’il faut apporter</h2>
          <ul class="a-apporter">
            {aApporter(v.demarche).map((chose) => (
              <li>{chose}</li>
            ))}
          </ul>
        </section>
        {lieu.services.length > 0 && (
          <section class="fiche-section">
            <h2>Ce que propose ce lieu</h2>
            <ul>
              {lieu.services.map((s) => (
                <li>{s}</li>
              ))}
            </ul>
          </section>
        )}
        {v.note && (
          <section class="fiche-section">
            <h2>Un mot pour vous</h2>
            <p class="texte-libre">{v.note}</p>
          </section>
        )}
        <section class="fiche-section">
          <h2>Qui vous oriente</h2>
          <p>
            {v.aidant}, {v.structure}, le {dateLongue(aujourdhui)}.
          </p>
        </section>
      </>
    ),
  }
}
