/**
 * Everything held about one followed beneficiary, readable and printable (right of access, RGPD
 * art. 15): identity, consent, socio-demographic data, accompaniments, referrals with what was
 * shared. The same data as the JSON download (store/beneficiaires-donnees.ts).
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { ListeDescriptions, TableauDefilant } from '../../platform/ui/donnees.tsx'
import { telephoneLisible } from '../../places/pages/format.ts'
import { formaterDate } from '../../workspace/format.ts'
import { PORTEES_CONSENTEMENT, RECUEILS_CONSENTEMENT } from '../domain/acces.ts'
import { CHAMPS_PARTAGEABLES, estStatut, STATUTS_ORIENTATION } from '../domain/orientations.ts'
import { GENRES, libelle, STATUTS_SOCIAUX, THEMATIQUES, TRANCHES_AGE, TYPES_ACTIVITE } from '../domain/vocabulaire.ts'
import type { DonneesPersonne } from '../store/beneficiaires-donnees.ts'
import { libelleDuree } from './formulaire-activite.ts'
import { CHEMIN_BENEFICIAIRES, FIL, nomComplet } from './pages-beneficiaires.tsx'

const ouTiret = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : String(v))

const partageLisible = (partage: unknown): string =>
  partage && typeof partage === 'object'
    ? Object.entries(partage as Record<string, unknown>).map(([k, v]) => `${libelle(CHAMPS_PARTAGEABLES, k) ?? k} : ${String(v)}`).join(' · ') || '—'
    : '—'

/** Everything held about the person, readable and printable (the right of access). */
export function pageExportBeneficiaire(p: { id: string; donnees: DonneesPersonne; commune: (code: string) => string }): OptionsPage {
  const { beneficiaire: b, accompagnements, orientations } = p.donnees
  return {
    titre: `Données de ${nomComplet(b.identite)}`,
    fil: [FIL, { libelle: nomComplet(b.identite), lien: `${CHEMIN_BENEFICIAIRES}/${p.id}` }, { libelle: 'Données' }],
    chapo: <p>Tout ce qu’Aiguillage garde sur cette personne, le {formaterDate(new Date(p.donnees.exporteLe))}. Imprimez cette page ou enregistrez-la en PDF pour la lui remettre.</p>,
    contenu: (
      <>
        <h2>Identité</h2>
        <ListeDescriptions
          elements={[
            { terme: 'Prénom', definition: ouTiret(b.identite.prenom) },
            { terme: 'Nom', definition: ouTiret(b.identite.nom) },
            { terme: 'Téléphone', definition: b.identite.telephone ? telephoneLisible(b.identite.telephone) : '—' },
            { terme: 'Adresse électronique', definition: ouTiret(b.identite.courriel) },
            { terme: 'Année de naissance', definition: ouTiret(b.identite.anneeNaissance) },
            { terme: 'Adresse', definition: ouTiret(b.identite.adresse) },
            { terme: 'Notes', definition: ouTiret(b.notes) },
            { terme: 'Structure', definition: ouTiret(b.structure) },
            { terme: 'Fiche créée le', definition: formaterDate(new Date(b.creeLe)) },
            { terme: 'Mise à jour le', definition: formaterDate(new Date(b.misAJourLe)) },
          ]}
        />
        <h2>Accord</h2>
        <ListeDescriptions
          elements={[
            { terme: 'Date', definition: b.consentement.le ? formaterDate(b.consentement.le) : '—' },
            { terme: 'Qui voit la fiche', definition: libelle(PORTEES_CONSENTEMENT, b.consentement.portee ?? '') ?? '—' },
            { terme: 'Recueilli', definition: libelle(RECUEILS_CONSENTEMENT, b.consentement.recueil ?? '') ?? '—' },
          ]}
        />
        <h2>Données socio-démographiques</h2>
        <ListeDescriptions
          elements={[
            { terme: 'Genre', definition: libelle(GENRES, b.donneesSocioDemographiques.genre) ?? '—' },
            { terme: 'Tranche d’âge', definition: libelle(TRANCHES_AGE, b.donneesSocioDemographiques.trancheAge) ?? '—' },
            { terme: 'Statut social', definition: libelle(STATUTS_SOCIAUX, b.donneesSocioDemographiques.statutSocial) ?? '—' },
            { terme: 'Commune de résidence', definition: b.donneesSocioDemographiques.communeResidence ? p.commune(b.donneesSocioDemographiques.communeResidence) : '—' },
          ]}
        />
        <h2>Accompagnements ({accompagnements.length})</h2>
        {accompagnements.length === 0 ? (
          <p>Aucun.</p>
        ) : (
          <TableauDefilant
            legende="Accompagnements"
            legendeCachee
            entetes={['Date', 'Type', 'Durée', 'Thématiques', 'Lieu', 'Notes']}
            lignes={accompagnements.map((a) => ({
              entete: formaterDate(a.date),
              cellules: [
                `${libelle(TYPES_ACTIVITE, a.type) ?? a.type}${a.titreAtelier ? ` : ${a.titreAtelier}` : ''}`,
                libelleDuree(a.duree),
                a.thematiques.map((t) => libelle(THEMATIQUES, t) ?? t).join(', '),
                ouTiret(a.lieu),
                a.type === 'collectif' ? 'Notes de l’atelier non reproduites (elles concernent le groupe)' : ouTiret(a.notes),
              ],
            }))}
          />
        )}
        <h2>Orientations ({orientations.length})</h2>
        {orientations.length === 0 ? (
          <p>Aucune.</p>
        ) : (
          <TableauDefilant
            legende="Orientations"
            legendeCachee
            entetes={['Date', 'Vers', 'Besoin', 'Informations partagées', 'Statut']}
            lignes={orientations.map((o) => ({
              entete: formaterDate(new Date(o.le)),
              cellules: [ouTiret(o.versLieu), o.besoin, partageLisible(o.partage), estStatut(o.statut) ? STATUTS_ORIENTATION[o.statut] : o.statut],
            }))}
          />
        )}
      </>
    ),
  }
}
