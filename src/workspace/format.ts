/** Dates of the workspace in French: « 22/11/2026 », « 22/11/2026 à 14 h 05 ». */
export function formaterDate(valeur: string | Date): string {
  if (typeof valeur === 'string') return valeur.split('-').reverse().join('/')
  const jour = valeur.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })
  const heure = valeur.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).replace(':', ' h ')
  return `${jour} à ${heure}`
}
