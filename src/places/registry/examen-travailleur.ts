/**
 * Worker thread of `examen-parallele.ts`: judges a file and posts its batches, at most a few
 * ahead of what the main thread has written (the main thread acknowledges each batch).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { FichierIlisibleError } from '../io/lecture.ts'
import { examiner, type ParametresExamen } from './examen.ts'

const AVANCE_MAX = 3
const port = parentPort
if (!port) throw new Error('examen-travailleur.ts doit être lancé comme fil de travail (worker).')

let enAttente = 0
let reprendre: (() => void) | undefined
port.on('message', () => {
  enAttente--
  reprendre?.()
})

try {
  const { entete, lots } = examiner(workerData as ParametresExamen)
  port.postMessage({ type: 'entete', entete })
  for (const lot of lots) {
    if (enAttente >= AVANCE_MAX) await new Promise<void>((r) => (reprendre = r))
    reprendre = undefined
    enAttente++
    port.postMessage({ type: 'lot', lot })
  }
  port.postMessage({ type: 'fin' })
} catch (erreur) {
  port.postMessage({ type: 'erreur', message: erreur instanceof Error ? erreur.message : String(erreur), illisible: erreur instanceof FichierIlisibleError })
}
