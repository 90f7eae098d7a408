/**
 * « Ce qu’il faut apporter » on the orientation sheet: for each online procedure of the
 * « démarches » needs, the papers and codes that make the appointment useful, plus what every
 * appointment needs.
 */

export const A_APPORTER: Readonly<Record<string, readonly string[]>> = {
  caf: ['Votre numéro d’allocataire et votre mot de passe CAF', 'Votre dernier avis ou courrier de la CAF', 'Un RIB (relevé d’identité bancaire)'],
  impots: ['Votre numéro fiscal (il est sur vos avis d’impôt)', 'Votre dernier avis d’impôt', 'Votre mot de passe impots.gouv.fr, si vous en avez un'],
  sante: ['Votre carte Vitale', 'Votre attestation de droits à l’Assurance maladie, si vous l’avez'],
  papiers: ['Une pièce d’identité', 'Un justificatif de domicile de moins de 6 mois', 'Une photo d’identité, si la démarche en demande une'],
  emploi: ['Votre identifiant France Travail', 'Votre CV, sur papier ou sur une clé USB'],
  retraite: ['Votre numéro de sécurité sociale', 'Vos relevés de carrière ou bulletins de salaire, si vous les avez'],
}

export const TOUJOURS: readonly string[] = [
  'Votre téléphone portable, chargé',
  'Votre adresse électronique et vos mots de passe, si vous en avez',
]

export function aApporter(besoin: string | undefined): string[] {
  return [...((besoin && A_APPORTER[besoin]) || []), ...TOUJOURS]
}
