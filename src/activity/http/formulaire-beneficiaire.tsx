/**
 * The followed beneficiary's form (create and edit) and the short text a mediator reads to the
 * person before recording them: what is kept, who sees it, for how long (the retention rules in
 * force), how to ask for a copy or for erasure. The consent block (date, scope, manner) is
 * required. Input ids are the field names: the error summary at the top links to them, and each
 * error is also written next to its field. Works without JavaScript.
 */
import { Bandeau } from '../../platform/ui/avis.tsx'
import { BoutonsRadio, ChampCache, ChampTexte, ListeDeroulante, ZoneTexte } from '../../platform/ui/formulaire.tsx'
import { Groupe, ResumeErreursFiche } from '../../workspace/fiche/elements.tsx'
import { PORTEES_CONSENTEMENT, RECUEILS_CONSENTEMENT } from '../domain/acces.ts'
import { AIDE_NOTES, ANNEE_NAISSANCE_MINIMALE, LONGUEUR_ADRESSE, LONGUEUR_NOM, LONGUEUR_NOTES, type ErreurBeneficiaire } from '../domain/beneficiaire.ts'
import { dureeLisible, type ReglesConservation } from '../domain/conservation.ts'
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE } from '../domain/vocabulaire.ts'

export interface StructureProposee {
  id: number
  nom: string
}

export interface PropsFormulaireBeneficiaire {
  action: string
  jeton: string
  valeurs: Record<string, string>
  erreurs: readonly ErreurBeneficiaire[]
  regles: ReglesConservation
  /** The mediator's structures; a choice is offered when there are several (creation only). */
  structures: readonly StructureProposee[]
  titreBouton: string
}

const sansNonCommunique = <T extends { valeur: string; libelle: string }>(v: readonly T[]) => v.filter((t) => t.valeur !== 'non_communique')

/** What the mediator reads to the person (and what the file page repeats). */
export function TexteConsentement({ regles, structure }: { regles: ReglesConservation; structure: string }) {
  return (
    <Bandeau titre="À lire à la personne avant d’enregistrer sa fiche">
      <p>
        « Pour suivre votre accompagnement, {structure} peut garder votre nom, votre prénom et les informations que vous choisissez de donner (téléphone, adresse électronique,
        année de naissance, commune, adresse). C’est seulement si vous êtes d’accord : sinon, vous serez accompagné de la même façon, sans fiche à votre nom.
      </p>
      <p>
        Seul votre médiateur — ou, si vous le permettez, les médiateurs de {structure} — peut voir ces informations. Les coordinateurs et les financeurs ne voient jamais votre
        identité : seulement des chiffres anonymes (nombre de personnes accompagnées, tranche d’âge, commune…).
      </p>
      <p>
        Votre identité est effacée automatiquement {dureeLisible(regles.identitesJours)} après la dernière mise à jour de votre fiche (un nouvel accompagnement compte comme une
        mise à jour) ; les notes sur vos accompagnements, {dureeLisible(regles.notesJours)} après chaque accompagnement.
      </p>
      <p>
        Vous pouvez à tout moment demander à voir ces informations, en recevoir une copie, les faire corriger ou les faire effacer : il suffit de le demander à votre médiateur ou
        à {structure}. »
      </p>
    </Bandeau>
  )
}

export function FormulaireBeneficiaire(p: PropsFormulaireBeneficiaire) {
  const v = (nom: string): string => p.valeurs[nom] ?? ''
  const erreur = (id: string): string | undefined => p.erreurs.find((e) => e.champ === id)?.message
  const texte = (id: string, libelle: string, aide?: string) => ({ id, nom: id, libelle, aide, valeur: v(id), erreur: erreur(id) })
  const structure = p.structures.find((s) => String(s.id) === v('structure')) ?? p.structures[0]
  const anneeCourante = new Date().getFullYear()
  return (
    <form method="post" action={p.action} novalidate class="fiche-formulaire beneficiaire-formulaire">
      <ResumeErreursFiche erreurs={p.erreurs} />
      <ChampCache nom="jeton" valeur={p.jeton} />
      <p class="discret">Le prénom, le nom et l’accord de la personne sont obligatoires ; le reste est facultatif.</p>

      <Groupe legende="Accord de la personne">
        <TexteConsentement regles={p.regles} structure={structure ? `« ${structure.nom} »` : 'la structure'} />
        {p.structures.length > 1 && (
          <ListeDeroulante {...texte('structure', 'Structure qui suit la personne')} options={p.structures.map((s) => ({ valeur: String(s.id), libelle: s.nom }))} />
        )}
        {p.structures.length === 1 && structure && <ChampCache nom="structure" valeur={String(structure.id)} />}
        <ChampTexte {...texte('consentement_le', 'Date de l’accord', 'Par exemple 14/03/2025.')} type="date" requis />
        <BoutonsRadio
          id="consentement_portee"
          nom="consentement_portee"
          legende="Qui pourra voir la fiche, selon la personne"
          valeur={v('consentement_portee')}
          erreur={erreur('consentement_portee')}
          options={PORTEES_CONSENTEMENT.map((o) => ({ valeur: o.valeur, libelle: o.libelle }))}
        />
        <BoutonsRadio
          id="consentement_recueil"
          nom="consentement_recueil"
          legende="Comment la personne a donné son accord"
          valeur={v('consentement_recueil')}
          erreur={erreur('consentement_recueil')}
          options={RECUEILS_CONSENTEMENT.map((o) => ({ valeur: o.valeur, libelle: o.libelle }))}
        />
      </Groupe>

      <Groupe legende="Identité">
        <ChampTexte {...texte('prenom', 'Prénom')} autocomplete="off" requis longueurMax={LONGUEUR_NOM} />
        <ChampTexte {...texte('nom', 'Nom')} autocomplete="off" requis longueurMax={LONGUEUR_NOM} />
        <ChampTexte {...texte('telephone', 'Téléphone (facultatif)', 'Par exemple 06 12 34 56 78.')} type="tel" autocomplete="off" />
        <ChampTexte {...texte('courriel', 'Adresse électronique (facultatif)')} type="email" autocomplete="off" />
        <ChampTexte {...texte('annee_naissance', 'Année de naissance (facultatif)', `4 chiffres, entre ${ANNEE_NAISSANCE_MINIMALE} et ${anneeCourante}. Elle donne la tranche d’âge.`)} court />
        <ChampTexte {...texte('adresse', 'Adresse (facultatif)')} autocomplete="off" longueurMax={LONGUEUR_ADRESSE} />
      </Groupe>

      <Groupe legende="Données socio-démographiques">
        <p class="discret">Elles restent dans les statistiques, anonymes, même après l’effacement de l’identité.</p>
        <ListeDeroulante {...texte('genre', 'Genre')} optionVide="Non communiqué" options={sansNonCommunique(GENRES)} />
        <ListeDeroulante
          {...texte('tranche_age', 'Tranche d’âge', 'Seulement si l’année de naissance n’est pas connue.')}
          optionVide="Non communiquée"
          options={sansNonCommunique(TRANCHES_AGE)}
        />
        <ListeDeroulante {...texte('statut_social', 'Statut social')} optionVide="Non communiqué ou hétérogène" options={sansNonCommunique(STATUTS_SOCIAUX)} />
        <ChampTexte {...texte('commune_residence', 'Commune de résidence (facultatif)', 'Son nom, son code postal ou son code INSEE, par exemple Chambéry (73000).')} />
      </Groupe>

      <Groupe legende="Notes">
        <ZoneTexte {...texte('notes', 'Notes de suivi (facultatif)', AIDE_NOTES)} longueurMax={LONGUEUR_NOTES} lignes={4} />
      </Groupe>

      <div class="fiche-boutons">
        <button type="submit" class="bouton">
          {p.titreBouton}
        </button>
      </div>
    </form>
  )
}
