/**
 * Contact details as evidence: the same phone number, e-mail address or website says « same
 * place » much more than a similar name does. Phones are compared on their last nine digits
 * (« 04 79 31 19 19 » ~ « +33479311919 »); websites on their host without `www.` (a page on a
 * shared platform — Facebook, a free site builder — on its first path segment too); e-mail
 * domains count only when they belong to an organisation (not a webmail, not a national network
 * where every site has its own mailbox).
 */

/** Nine last digits of a phone number, or null when it has fewer than 9 digits. */
export function telephoneComparable(telephone: string | null): string | null {
  if (!telephone) return null
  const chiffres = telephone.replace(/\D/g, '')
  return chiffres.length >= 9 ? chiffres.slice(-9) : null
}

export function courrielComparable(courriel: string): string {
  return courriel.trim().toLowerCase()
}

const DOMAINES_PARTAGES = new Set([
  'gmail.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'hotmail.fr', 'hotmail.com', 'yahoo.fr', 'yahoo.com', 'outlook.fr',
  'outlook.com', 'sfr.fr', 'live.fr', 'neuf.fr', 'aol.com', 'icloud.com', 'gmx.fr', 'club-internet.fr', 'numericable.fr', 'bbox.fr',
  'france-services.gouv.fr', 'conseiller-numerique.fr', 'laposte.fr', 'caf.fr', 'msa.fr', 'assurance-maladie.fr', 'pole-emploi.fr',
  'francetravail.fr', 'croix-rouge.fr', 'secours-catholique.org', 'secourspopulaire.fr', 'pimms.org', 'emmaus-connect.org', 'orange.com',
])

/** The domain of an e-mail address when it identifies an organisation, else null. */
export function domaineOrganisation(courriel: string): string | null {
  const domaine = courrielComparable(courriel).split('@')[1]
  return domaine && domaine.includes('.') && !DOMAINES_PARTAGES.has(domaine) ? domaine : null
}

const PLATEFORMES = new Set([
  'facebook.com', 'fr-fr.facebook.com', 'm.facebook.com', 'instagram.com', 'linkedin.com', 'twitter.com', 'x.com', 'youtube.com',
  'sites.google.com', 'google.com', 'linktr.ee', 'pagesjaunes.fr', 'helloasso.com', 'wordpress.com', 'over-blog.com', 'wixsite.com',
  'jimdofree.com', 'e-monsite.com', 'blogspot.com', 'lannuaire.service-public.fr', 'service-public.fr', 'france-services.gouv.fr',
  'agence-cohesion-territoires.gouv.fr', 'cartographie.societenumerique.gouv.fr', 'dora.inclusion.beta.gouv.fr', 'aidantsconnect.beta.gouv.fr',
])

/** Host of a website without `www.`; on a shared platform, host and first path segment. */
export function siteComparable(url: string): string | null {
  const texte = url.trim().toLowerCase().replace(/^[a-z]+:\/\//, '')
  const [hote = '', chemin = ''] = texte.split(/\/(.*)/s)
  const sansWww = hote.replace(/^www\d?\./, '').replace(/:\d+$/, '')
  if (!sansWww.includes('.')) return null
  const etiquettes = sansWww.split('.')
  const plateforme = PLATEFORMES.has(sansWww) || PLATEFORMES.has(etiquettes.slice(-2).join('.'))
  if (!plateforme) return sansWww
  const premier = chemin.split(/[/?#]/)[0] ?? ''
  return premier ? `${sansWww}/${premier}` : null
}

/** Contact details of one place, made comparable once. */
export interface ContactsComparables {
  telephone: string | null
  courriels: readonly string[]
  domaines: readonly string[]
  sites: readonly string[]
}

const AUCUN: readonly string[] = Object.freeze([])

export function contactsComparables(fiche: { telephone: string | null; courriels: readonly string[]; site_web: readonly string[] }): ContactsComparables {
  const courriels = fiche.courriels.length ? [...new Set(fiche.courriels.map(courrielComparable).filter((c) => c.includes('@')))] : AUCUN
  const domaines = courriels.length ? [...new Set(courriels.map(domaineOrganisation).filter((d) => d !== null))] : AUCUN
  const sites = fiche.site_web.length ? [...new Set(fiche.site_web.map(siteComparable).filter((s) => s !== null))] : AUCUN
  return { telephone: telephoneComparable(fiche.telephone), courriels, domaines, sites }
}

export interface ContactsCompares {
  telephone: 'egal' | 'different' | 'inconnu'
  courriel: 'egal' | 'meme-domaine' | 'different' | 'inconnu'
  site: 'egal' | 'different' | 'inconnu'
  /** The shared value, for the explanation. */
  courrielCommun: string | null
  siteCommun: string | null
  domaineCommun: string | null
}

const commun = (a: readonly string[], b: readonly string[]): string | null => {
  for (const x of a) if (b.includes(x)) return x
  return null
}

export function comparerContacts(a: ContactsComparables, b: ContactsComparables): ContactsCompares {
  const telephone = !a.telephone || !b.telephone ? 'inconnu' : a.telephone === b.telephone ? 'egal' : 'different'
  const courrielCommun = commun(a.courriels, b.courriels)
  const domaineCommun = commun(a.domaines, b.domaines)
  const courriel = !a.courriels.length || !b.courriels.length ? 'inconnu' : courrielCommun ? 'egal' : domaineCommun ? 'meme-domaine' : 'different'
  const siteCommun = commun(a.sites, b.sites)
  const site = !a.sites.length || !b.sites.length ? 'inconnu' : siteCommun ? 'egal' : 'different'
  return { telephone, courriel, site, courrielCommun, siteCommun, domaineCommun }
}
