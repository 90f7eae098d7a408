/**
 * data·inclusion schema v1 (and the v0 vocabulary still met in exports) → the standard: one
 * structure with its services becomes one place. Only the services of the `numerique` category
 * describe digital mediation: they alone feed services, publics, fees and modalities.
 */
import { raccourcir } from '../validation/presentation.ts'
import { LONGUEUR_MAX_RESUME } from '../standard/fields.ts'
import { texte } from './cellules.ts'
import type { Adaptation, ContexteLecteur } from './lecteur.ts'

/** `numerique--*` sub-themes, v1 (4) and v0 (17), → services of the standard (reference §9.3, §13.3). */
export const THEMATIQUES_NUMERIQUES: Readonly<Record<string, string>> = {
  'numerique--acceder-a-des-services-en-ligne': 'Aide aux démarches administratives',
  'numerique--maitriser-les-fondamentaux-du-numerique': 'Maîtrise des outils numériques du quotidien',
  'numerique--acceder-a-une-connexion-internet': 'Accès internet et matériel informatique',
  'numerique--acquerir-un-equipement': 'Acquisition de matériel informatique à prix solidaire',
  'numerique--realiser-des-demarches-administratives-avec-un-accompagnement': 'Aide aux démarches administratives',
  'numerique--devenir-autonome-dans-les-demarches-administratives': 'Aide aux démarches administratives',
  'numerique--accompagner-les-demarches-de-sante': 'Aide aux démarches administratives',
  'numerique--prendre-en-main-un-smartphone-ou-une-tablette': 'Maîtrise des outils numériques du quotidien',
  'numerique--prendre-en-main-un-ordinateur': 'Maîtrise des outils numériques du quotidien',
  'numerique--utiliser-le-numerique-au-quotidien': 'Maîtrise des outils numériques du quotidien',
  'numerique--approfondir-ma-culture-numerique': 'Compréhension du monde numérique',
  'numerique--promouvoir-la-citoyennete-numerique': 'Compréhension du monde numérique',
  'numerique--favoriser-mon-insertion-professionnelle': 'Insertion professionnelle via le numérique',
  'numerique--creer-et-developper-mon-entreprise': 'Insertion professionnelle via le numérique',
  'numerique--acceder-a-du-materiel': 'Accès internet et matériel informatique',
  'numerique--s-equiper-en-materiel-informatique': 'Acquisition de matériel informatique à prix solidaire',
  'numerique--creer-avec-le-numerique': 'Loisirs et créations numériques',
  'numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique': 'Parentalité et éducation avec le numérique',
}

/** Networks (`reseaux_porteurs`, v0 `labels_nationaux`) → national programmes of the standard. */
const RESEAUX: Readonly<Record<string, string>> = {
  'aidants-connect': 'Aidants Connect',
  'conseillers-numeriques': 'Conseillers numériques',
  'conseiller-numerique': 'Conseillers numériques',
  'france-service': 'France Services',
  'france-services': 'France Services',
  'grandes-ecoles-du-numerique': 'Grande école du numérique',
  'croix-rouge': 'La Croix Rouge',
  'la-croix-rouge': 'La Croix Rouge',
  'emmaus-connect': 'Emmaüs Connect',
  'bibliotheques-numerique-de-reference': 'Bibliothèques numérique de référence',
  'certification-pix': 'Certification PIX',
  'promeneurs-du-net': 'Promeneurs du net',
}
/** Networks whose members do digital mediation: their structures are kept even without a `numerique` service. */
export const RESEAUX_MEDIATION = new Set(['aidants-connect', 'conseillers-numeriques', 'conseiller-numerique', 'espaces-publics-numeriques', 'emmaus-connect', 'france-service', 'france-services'])
const TYPOLOGIES_RESEAUX: Readonly<Record<string, string>> = { 'france-service': 'RFS', 'france-services': 'RFS', 'espaces-publics-numeriques': 'EPN' }

const FRAIS: Readonly<Record<string, string>> = {
  gratuit: 'Gratuit', 'gratuit-sous-conditions': 'Gratuit sous condition', payant: 'Payant', adhesion: 'Payant', 'pass-numerique': 'Gratuit sous condition',
}
const PUBLICS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  etudiants: [['publics_specifiquement_adresses', 'Étudiants']],
  familles: [['publics_specifiquement_adresses', 'Familles et/ou enfants']],
  'familles-enfants': [['publics_specifiquement_adresses', 'Familles et/ou enfants']],
  femmes: [['publics_specifiquement_adresses', 'Femmes']],
  jeunes: [['publics_specifiquement_adresses', 'Jeunes']],
  'jeunes-16-26': [['publics_specifiquement_adresses', 'Jeunes']],
  seniors: [['publics_specifiquement_adresses', 'Seniors']],
  'seniors-65': [['publics_specifiquement_adresses', 'Seniors']],
  surdite: [['prise_en_charge_specifique', 'Surdité']],
  'deficience-visuelle': [['prise_en_charge_specifique', 'Déficience visuelle']],
  'handicaps-mentaux': [['prise_en_charge_specifique', 'Handicaps mentaux']],
  'handicaps-psychiques': [['prise_en_charge_specifique', 'Handicaps mentaux']],
  'personnes-en-situation-illettrisme': [['prise_en_charge_specifique', 'Illettrisme']],
  'public-langues-etrangeres': [['prise_en_charge_specifique', 'Langues étrangères (anglais)'], ['prise_en_charge_specifique', 'Langues étrangères (autres)']],
}
const TYPES: Readonly<Record<string, string>> = {
  accompagnement: 'Accompagnement individuel', delegation: 'Accompagnement individuel', atelier: 'Dans un atelier collectif', autonomie: 'En autonomie',
}
const MOBILISATION: Readonly<Record<string, string>> = {
  'se-presenter': 'Se présenter', telephoner: 'Téléphoner', 'envoyer-un-courriel': 'Contacter par mail', 'envoyer-un-mail': 'Contacter par mail',
  'utiliser-lien-mobilisation': 'Prendre un RDV en ligne', 'envoyer-un-mail-avec-une-fiche-de-prescription': 'Envoyer un mail avec une fiche de prescription',
}

type Objet = Record<string, unknown>
export const estObjet = (v: unknown): v is Objet => v !== null && typeof v === 'object' && !Array.isArray(v)

/** A v1 set or v0 list, or a single value, as slugs. */
const liste = (valeur: unknown): string[] =>
  (Array.isArray(valeur) ? valeur : valeur === undefined || valeur === null ? [] : [valeur]).flatMap((v) => texte(v)?.split(/[|;,]/) ?? []).map((v) => v.trim()).filter((v) => v !== '')

export const estNumerique = (service: Objet): boolean => liste(service.thematiques).some((t) => t === 'numerique' || t.startsWith('numerique--'))

const premier = (objets: Objet[], cle: string): unknown => objets.map((o) => o[cle]).find((v) => texte(v) !== undefined)

/** One structure (and its services) → a row in the standard's fields, or the reason it is left out. */
export function adapterStructure(structure: Objet, tousServices: Objet[], contexte: ContexteLecteur): Adaptation {
  const services = tousServices.filter(estNumerique)
  const reseaux = liste(structure.reseaux_porteurs ?? structure.labels_nationaux)
  if (services.length === 0 && !reseaux.some((r) => RESEAUX_MEDIATION.has(r))) {
    return {
      ignoree:
        "Cette structure data·inclusion ne propose aucun service de la thématique « numerique » et n'appartient à aucun réseau de médiation numérique : elle n'est pas importée.",
      id: texte(structure.id),
    }
  }
  const ajouter = (cible: Map<string, Set<string>>, champ: string, valeur: string | undefined) => {
    if (valeur === undefined) return
    const valeurs = cible.get(champ) ?? new Set<string>()
    valeurs.add(valeur)
    cible.set(champ, valeurs)
  }
  const champs = new Map<string, Set<string>>()
  for (const r of reseaux) {
    ajouter(champs, 'dispositif_programmes_nationaux', RESEAUX[r])
    ajouter(champs, 'typologie', TYPOLOGIES_RESEAUX[r])
  }
  for (const service of services) {
    for (const t of liste(service.thematiques)) ajouter(champs, 'services', THEMATIQUES_NUMERIQUES[t])
    for (const f of liste(service.frais)) ajouter(champs, 'frais_a_charge', FRAIS[f])
    for (const p of [...liste(service.publics), ...liste(service.profils)]) for (const [champ, v] of PUBLICS[p] ?? []) ajouter(champs, champ, v)
    for (const t of [...liste(service.type), ...liste(service.types)]) ajouter(champs, 'modalites_accompagnement', TYPES[t])
    if (liste(service.modes_accueil).includes('a-distance')) ajouter(champs, 'modalites_accompagnement', 'À distance')
    const modes = [...liste(service.modes_mobilisation), ...liste(service.modes_orientation_beneficiaire), ...liste(service.modes_orientation_accompagnateur)]
    for (const m of modes) ajouter(champs, 'modalites_acces', MOBILISATION[m])
  }
  const description = texte(structure.description) ?? texte(structure.presentation_detail) ?? texte(structure.presentation_resume)
  const longue = description !== undefined && description.length > LONGUEUR_MAX_RESUME
  const enListe = Object.fromEntries([...champs].map(([champ, valeurs]) => [champ, [...valeurs]]))
  return {
    valeurs: {
      id: texte(structure.id),
      pivot: texte(structure.siret) ?? texte(structure.rna),
      nom: structure.nom,
      adresse: structure.adresse,
      complement_adresse: structure.complement_adresse,
      code_postal: structure.code_postal,
      code_insee: structure.code_insee,
      commune: structure.commune,
      latitude: structure.latitude,
      longitude: structure.longitude,
      telephone: texte(structure.telephone) ?? premier(services, 'telephone'),
      courriels: texte(structure.courriel) ?? premier(services, 'courriel'),
      site_web: structure.site_web,
      horaires: texte(structure.horaires_accueil) ?? texte(structure.horaires_ouverture) ?? premier(services, 'horaires_accueil'),
      presentation_resume: longue ? raccourcir(description, LONGUEUR_MAX_RESUME) : description,
      presentation_detail: longue ? description : undefined,
      fiche_acces_libre: structure.accessibilite_lieu ?? structure.accessibilite,
      prise_rdv: premier(services, 'lien_mobilisation') ?? premier(services, 'prise_rdv'),
      source: structure.source,
      date_maj: texte(structure.date_maj) ?? contexte.dateDonnees,
      ...enListe,
    },
  }
}
