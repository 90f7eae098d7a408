/** The national standard itself (v1.0.2 or v0.1): rows are already named after its fields. */
import type { Lecteur } from './lecteur.ts'

export const lecteurStandard: Lecteur = {
  nom: 'standard',
  libelle: 'Standard des lieux de médiation numérique (v1.0.2 ou v0.1)',
  reconnait: () => true,
  adapter: (valeurs) => ({ valeurs }),
}
