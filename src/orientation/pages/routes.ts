/**
 * The orientation pages: the start (`/`, and `/orientation` which leads there), the results
 * (`/recherche`), the orientation sheet (`/lieux/:uid/fiche`), « Signaler une erreur »
 * (`/lieux/:uid/signaler`, then `/merci`), the widget (`/widget`) and how to embed it
 * (`/widget/integrer`). Searches are GET (every state in the URL); the sheet and the report are
 * POST — the sheet is never stored nor logged and is sent `no-store`; the report is checked
 * against forgery, stored, and answered by a redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { EtatRegistre } from '../../places/pages/etat.ts'
import { lieuParUid, type FicheLieu } from '../../places/registry/queries.ts'
import { entetesCadrable, entetesDeLaReponse, politiqueContenu, politiqueFonctions } from '../../platform/http/entetes.ts'
import { chargerActifs, urlActif } from '../../platform/ui/actifs.ts'
import type { ErreurFormulaire } from '../../platform/ui/avis.tsx'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire, TerritoireInconnuError, type Territoire } from '../../territories/territoire.ts'
import type { ContexteOrientation } from '../contexte.ts'
import { valeurs } from '../parametres.ts'
import type { Perimetre } from '../recherche.ts'
import { enregistrerSignalement, schemaSignalement } from '../signalements.ts'
import type { OptionsTuiles } from './carte.tsx'
import { pageDepart } from './depart.tsx'
import { lireEtat, recherchePosee, type Requete } from './etat.ts'
import { erreursFiche, FICHE_VIDE, lireValeursFiche, pageFicheImprimable, pageFormulaireFiche } from './fiche-orientation.tsx'
import { accepterFormulaires } from '../../platform/http/formulaires.ts'
import { jetonAccepte, jetonDuFormulaire } from '../../platform/http/jeton.ts'
import { preparerRecherche } from './preparation.ts'
import { pageResultats } from './resultats.tsx'
import { pageJetonInvalide, pageMerci, pageSignaler, VALEURS_VIDES, type ValeursSignalement } from './signalement.tsx'
import { documentWidget, pageIntegrer } from './widget.tsx'


/** A form body as an object; repeated names become arrays. */
/**
 * The origin images of the tiles come from, for the Content Security Policy:
 * `https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example`; undefined when unreadable.
 */
export function origineTuiles(url: string): string | undefined {
  try {
    const u = new URL(url.replace(/\{s\}/g, 'sous-domaine-aiguillage').replace(/\{[a-z]+\}/gi, '0'))
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined
    return u.origin.replace('sous-domaine-aiguillage', '*')
  } catch {
    return undefined
  }
}

export function perimetreDe(territoire: Territoire): Perimetre {
  if (territoire.type === 'departement') return { departement: territoire.code }
  if (territoire.type === 'region') return { region: territoire.code }
  return { communes: new Set(territoire.communes) }
}

type RequeteLieu = FastifyRequest<{ Params: { uid: string }; Body: Record<string, unknown> | undefined }>

/** The published place of `:uid`, or undefined (the caller answers 404). */
async function lieuPublie(contexte: ContexteOrientation, uid: string): Promise<FicheLieu | undefined> {
  if (!/^[1-9]\d{0,14}$/.test(uid)) return undefined
  const lieu = await lieuParUid(contexte.base.db, Number(uid))
  return lieu && lieu.statut === 'publie' ? lieu : undefined
}

/** Replies that hold what a person typed: never kept by a browser or a proxy. */
const sansCache = {
  onSend: async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    reply.header('cache-control', 'no-store')
    return payload
  },
}

export function routesOrientation(app: FastifyInstance, contexte: ContexteOrientation): void {
  const { config, orientation } = contexte
  const actifs = chargerActifs()
  const scripts = [urlActif(actifs, 'aiguillage.js')]
  const origine = config.tuiles ? origineTuiles(config.tuiles.url) : undefined
  const tuiles: OptionsTuiles | undefined =
    config.tuiles && origine
      ? { url: config.tuiles.url, attribution: config.tuiles.attribution, leafletJs: urlActif(actifs, 'leaflet.js'), leafletCss: urlActif(actifs, 'leaflet.css') }
      : undefined
  const images = origine ? [origine] : []
  const etatRegistre = contexte.etat ?? new EtatRegistre(contexte.base.db)
  const geolocalisation = politiqueFonctions(['geolocation'])

  app.register(async (pages) => {
    accepterFormulaires(pages)

    pages.get<{ Querystring: Requete }>('/', async (request, reply) => {
      const { publies } = await etatRegistre.lire()
      entetesDeLaReponse(reply, { 'permissions-policy': geolocalisation })
      return reply.page(pageDepart(lireEtat(request.query), publies, scripts))
    })

    pages.get('/orientation', async (request, reply) => {
      const i = request.url.indexOf('?')
      return reply.redirect(i < 0 ? '/' : `/${request.url.slice(i)}`, 301)
    })

    pages.get<{ Querystring: Requete }>('/recherche', async (request, reply) => {
      const etat = { ...lireEtat(request.query), territoire: '' }
      const donnees = preparerRecherche(etat, { chemin: '/recherche', orientation, ref: referentiel() })
      entetesDeLaReponse(reply, { 'permissions-policy': geolocalisation, 'content-security-policy': politiqueContenu({ images }) })
      return reply.page(pageResultats(donnees, { scripts, tuiles }))
    })

    pages.get<{ Querystring: Requete }>('/widget', async (request, reply) => {
      const etat = lireEtat(request.query)
      let territoire: Territoire | undefined
      let erreurTerritoire: string | undefined
      if (etat.territoire) {
        try {
          territoire = lireTerritoire(etat.territoire, referentiel())
        } catch (erreur) {
          if (!(erreur instanceof TerritoireInconnuError)) throw erreur
          erreurTerritoire = erreur.message
        }
      }
      const resultats =
        erreurTerritoire === undefined && recherchePosee(etat)
          ? preparerRecherche(etat, { chemin: '/widget', orientation, ref: referentiel(), perimetre: territoire ? perimetreDe(territoire) : null })
          : undefined
      const enErreur = erreurTerritoire !== undefined || (resultats !== undefined && (resultats.lieu.type === 'inconnu' || resultats.erreurs.length > 0))
      const demo = await etatRegistre.demo.actuel()
      const html = documentWidget(
        { nomTerritoire: config.nomTerritoire, demo, chemin: '/widget' },
        { etat, territoire, erreurTerritoire, resultats },
        { scripts, tuiles },
      )
      entetesDeLaReponse(reply, { ...entetesCadrable({ images }), 'permissions-policy': geolocalisation })
      return reply.code(enErreur ? 400 : 200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html)
    })

    pages.get<{ Querystring: Requete }>('/widget/integrer', async (request, reply) => {
      const texte = lireEtat(request.query).territoire
      let erreur: string | undefined
      let nom: string | undefined
      if (texte) {
        try {
          nom = lireTerritoire(texte, referentiel()).nom
        } catch (e) {
          if (!(e instanceof TerritoireInconnuError)) throw e
          erreur = e.message
        }
      }
      return reply.page(pageIntegrer(`${request.protocol}://${request.host}`, erreur === undefined ? texte : '', erreur, nom))
    })

    pages.get<{ Params: { uid: string } }>('/lieux/:uid/fiche', sansCache, async (request, reply) => {
      const lieu = await lieuPublie(contexte, request.params.uid)
      if (!lieu) return reply.callNotFound()
      return reply.page(pageFormulaireFiche(lieu, FICHE_VIDE, []))
    })

    pages.post<{ Params: { uid: string }; Body: Record<string, unknown> | undefined }>('/lieux/:uid/fiche', { ...sansCache, config: { jeton: 'sans-effet' } }, async (request: RequeteLieu, reply) => {
      const lieu = await lieuPublie(contexte, request.params.uid)
      if (!lieu) return reply.callNotFound()
      const v = lireValeursFiche(request.body ?? {})
      const erreurs = erreursFiche(v)
      if (erreurs.length > 0) return reply.page(pageFormulaireFiche(lieu, v, erreurs))
      return reply.page({ ...pageFicheImprimable(lieu, v), scripts })
    })

    pages.get<{ Params: { uid: string } }>('/lieux/:uid/signaler', sansCache, async (request, reply) => {
      const lieu = await lieuPublie(contexte, request.params.uid)
      if (!lieu) return reply.callNotFound()
      return reply.page(pageSignaler(lieu, VALEURS_VIDES, [], jetonDuFormulaire(request, reply)))
    })

    pages.post<{ Params: { uid: string }; Body: Record<string, unknown> | undefined }>('/lieux/:uid/signaler', { ...sansCache, config: { jeton: 'verifie-par-la-route' } }, async (request: RequeteLieu, reply) => {
      const lieu = await lieuPublie(contexte, request.params.uid)
      if (!lieu) return reply.callNotFound()
      const corps = request.body ?? {}
      if (!jetonAccepte(request, corps.jeton)) return reply.page(pageJetonInvalide(lieu))
      const texte = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
      const saisies: ValeursSignalement = {
        rubriques: valeurs(corps.rubriques as string | string[] | undefined).slice(0, 20),
        message: texte(corps.message).slice(0, 5000),
        contact: texte(corps.contact).slice(0, 500),
      }
      const lu = schemaSignalement.safeParse(saisies)
      if (!lu.success) {
        const erreurs: ErreurFormulaire[] = []
        for (const probleme of lu.error.issues) {
          const champ = String(probleme.path[0] ?? 'message')
          if (!erreurs.some((e) => e.champ === champ)) erreurs.push({ champ, message: probleme.message })
        }
        const ordre = ['rubriques', 'message', 'contact']
        erreurs.sort((a, b) => ordre.indexOf(a.champ ?? '') - ordre.indexOf(b.champ ?? ''))
        return reply.page(pageSignaler(lieu, saisies, erreurs, jetonDuFormulaire(request, reply)))
      }
      if (!(await enregistrerSignalement(contexte.base.db, lieu.uid, lu.data))) return reply.callNotFound()
      return reply.redirect(`/lieux/${lieu.uid}/signaler/merci`, 303)
    })

    pages.get<{ Params: { uid: string } }>('/lieux/:uid/signaler/merci', async (request, reply) => {
      const lieu = await lieuPublie(contexte, request.params.uid)
      if (!lieu) return reply.callNotFound()
      return reply.page(pageMerci(lieu))
    })
  })
}
