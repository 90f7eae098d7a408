/**
 * Judges a file in a worker thread for large files (on two cores the database writes while the
 * next rows are read and checked), in the calling thread for small ones or where workers
 * cannot start. Same results either way: `examen.ts` does the work.
 */
import { Worker } from 'node:worker_threads'
import { FichierIlisibleError } from '../io/lecture.ts'
import { examiner, type EnTete, type LotExamine, type ParametresExamen } from './examen.ts'

/** Below this size a worker's start-up (≈ 0.5 s: TypeScript loader, official list) costs more than it saves. */
const TAILLE_MIN_PARALLELE = 2_000_000

export interface ExamenAsync {
  entete: EnTete
  lots: AsyncGenerator<LotExamine>
  /** Whether a worker thread does the work. */
  parallele: boolean
}

type Message =
  | { type: 'entete'; entete: EnTete }
  | { type: 'lot'; lot: LotExamine }
  | { type: 'fin' }
  | { type: 'erreur'; message: string; illisible: boolean }

async function* versAsync<T>(source: Iterable<T>): AsyncGenerator<T> {
  yield* source
}

export async function examinerEnParallele(parametres: ParametresExamen, parallele = parametres.octets.length >= TAILLE_MIN_PARALLELE): Promise<ExamenAsync> {
  if (!parallele) {
    const examen = examiner(parametres)
    return { entete: examen.entete, lots: versAsync(examen.lots), parallele: false }
  }
  const travailleur = new Worker(new URL('./examen-travailleur.mjs', import.meta.url), { workerData: parametres })
  const file: Message[] = []
  let reveil: (() => void) | undefined
  let termine: Error | undefined
  travailleur.on('message', (m: Message) => {
    file.push(m)
    reveil?.()
  })
  travailleur.on('error', (e) => {
    termine = e
    reveil?.()
  })
  travailleur.on('exit', (code) => {
    termine ??= new Error(`Le fil de validation s'est arrêté (code ${code}).`)
    reveil?.()
  })
  const suivant = async (): Promise<Message> => {
    while (file.length === 0) {
      if (termine) throw termine
      await new Promise<void>((r) => (reveil = r))
    }
    return file.shift() as Message
  }
  let premier: Message
  try {
    premier = await suivant()
  } catch {
    // The worker could not start (no loader, no thread): same work in this thread.
    await travailleur.terminate()
    return examinerEnParallele(parametres, false)
  }
  if (premier.type === 'erreur') {
    await travailleur.terminate()
    throw premier.illisible ? new FichierIlisibleError(premier.message) : new Error(premier.message)
  }
  if (premier.type !== 'entete') throw new Error('Réponse inattendue du fil de validation.')
  const lots = async function* (): AsyncGenerator<LotExamine> {
    try {
      for (;;) {
        const message = await suivant()
        if (message.type === 'fin') return
        if (message.type === 'erreur') throw new Error(message.message)
        if (message.type === 'lot') {
          travailleur.postMessage('suite')
          yield message.lot
        }
      }
    } finally {
      await travailleur.terminate()
    }
  }
  return { entete: premier.entete, lots: lots(), parallele: true }
}
