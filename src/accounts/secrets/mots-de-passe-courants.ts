/**
 * French passwords that `@zxcvbn-ts/language-common` lacks or that matter here (French leaks,
 * first names, football clubs, the platform's own vocabulary). Compared like the common list:
 * lower case, no accents, no separators, digits and punctuation at either end ignored.
 */
export const MOTS_DE_PASSE_FRANCAIS: readonly string[] = [
  // Claviers, suites et mots de passe par défaut
  'azerty', 'azertyuiop', 'azertyuiopqsdfghjklm', 'qsdfghjklm', 'wxcvbn', 'azerty123', 'azerty1234', 'azertyuiop123',
  'qwerty123', 'qwertyuiop', '123456789', '1234567890', '0123456789', '123123123', '147258369', '159753', '741852963',
  'motdepasse', 'motdepasse123', 'mdp', 'monmotdepasse', 'nouveaumotdepasse', 'changemoi', 'achanger', 'secret', 'confidentiel',
  'bienvenue', 'bienvenue123', 'administrateur', 'utilisateur', 'connexion', 'identifiant', 'compte', 'test', 'essai',
  // Affection et vie courante
  'soleil', 'doudou', 'chouchou', 'loulou', 'bonjour', 'coucou', 'jetaime', 'jetaimetoi', 'moncoeur', 'monamour', 'mamour',
  'amour', 'bisous', 'bisou', 'cheri', 'cherie', 'bebe', 'mamie', 'papi', 'maman', 'papa', 'famille', 'toujours', 'liberte',
  'nounours', 'doudoune', 'chocolat', 'princesse', 'papillon', 'etoile', 'fleur', 'chaton', 'chat', 'chien', 'cheval',
  'vacances', 'bonheur', 'merci', 'salut', 'toto', 'titi', 'tata', 'lolo', 'lili', 'mimi', 'nana', 'boubou', 'minou',
  // Lieux et sport
  'france', 'paris', 'marseille', 'lyon', 'toulouse', 'bordeaux', 'lille', 'nantes', 'nice', 'rennes', 'bretagne', 'corse',
  'marseille13', 'paris75', 'allezlom', 'olympique', 'psg', 'parissaintgermain', 'football', 'allezlesbleus',
  // Prénoms fréquents
  'nicolas', 'julien', 'thomas', 'alexandre', 'sebastien', 'stephane', 'christophe', 'frederic', 'laurent', 'olivier',
  'vincent', 'philippe', 'pierre', 'antoine', 'maxime', 'kevin', 'jeremy', 'romain', 'guillaume', 'mathieu', 'lucas',
  'hugo', 'louis', 'gabriel', 'arthur', 'marie', 'sophie', 'camille', 'julie', 'celine', 'nathalie', 'isabelle', 'sandrine',
  'stephanie', 'aurelie', 'emilie', 'caroline', 'laura', 'manon', 'chloe', 'emma', 'lea', 'ines', 'jade', 'louise', 'alice',
  // La plateforme et son métier
  'aiguillage', 'inclusion', 'inclusionnumerique', 'numerique', 'mediation', 'mediationnumerique', 'mediateur',
  'mediatrice', 'conseillernumerique', 'franceservices', 'aidantsconnect', 'coordination', 'coordinateur', 'territoire',
]
