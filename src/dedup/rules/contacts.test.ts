import { describe, expect, it } from 'vitest'
import { comparerContacts, contactsComparables, domaineOrganisation, siteComparable, telephoneComparable } from './contacts.ts'

const contacts = (telephone: string | null, courriels: string[] = [], site_web: string[] = []) => contactsComparables({ telephone, courriels, site_web })

describe('telephoneComparable', () => {
  it('compare les numéros sur leurs neuf derniers chiffres', () => {
    expect(telephoneComparable('04 79 31 19 19')).toBe(telephoneComparable('+33479311919'))
    expect(telephoneComparable('12')).toBeNull()
    expect(telephoneComparable(null)).toBeNull()
  })
})

describe('domaineOrganisation', () => {
  it('garde le domaine d’une organisation, pas celui d’une messagerie ou d’un réseau national', () => {
    expect(domaineOrganisation('franceservices@cc-exemple.fr')).toBe('cc-exemple.fr')
    expect(domaineOrganisation('mairie.exemple@orange.fr')).toBeNull()
    expect(domaineOrganisation('exemple@france-services.gouv.fr')).toBeNull()
  })
})

describe('siteComparable', () => {
  it('compare l’hôte sans « www », et la page sur une plateforme partagée', () => {
    expect(siteComparable('https://www.mediatheque-exemple.fr/horaires')).toBe('mediatheque-exemple.fr')
    expect(siteComparable('http://MEDIATHEQUE-EXEMPLE.FR')).toBe('mediatheque-exemple.fr')
    expect(siteComparable('https://www.facebook.com/EspaceNumeriqueExemple/')).toBe('facebook.com/espacenumeriqueexemple')
    expect(siteComparable('https://fr-fr.facebook.com/')).toBeNull()
    expect(siteComparable('https://monasso.wixsite.com/accueil')).toBe('monasso.wixsite.com/accueil')
  })
})

describe('comparerContacts', () => {
  it('dit ce qui est égal, différent ou inconnu', () => {
    const c = comparerContacts(
      contacts('04 79 00 00 01', ['Accueil@Cyber-Exemple.fr'], ['https://cyber-exemple.fr']),
      contacts('+33479000001', ['accueil@cyber-exemple.fr'], ['http://www.cyber-exemple.fr/contact']),
    )
    expect(c).toMatchObject({ telephone: 'egal', courriel: 'egal', site: 'egal', courrielCommun: 'accueil@cyber-exemple.fr', siteCommun: 'cyber-exemple.fr' })
    const d = comparerContacts(contacts('04 79 00 00 01', ['a@ville-exemple.fr']), contacts('04 79 00 00 02', ['b@ville-exemple.fr']))
    expect(d).toMatchObject({ telephone: 'different', courriel: 'meme-domaine', site: 'inconnu', domaineCommun: 'ville-exemple.fr' })
    expect(comparerContacts(contacts(null), contacts('04 79 00 00 02'))).toMatchObject({ telephone: 'inconnu', courriel: 'inconnu' })
  })
})
