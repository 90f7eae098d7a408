/**
 * The embedded database lives in one folder that only one process may open: a lock file holds
 * the owner's process id. A lock left by a process that no longer runs is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import path from 'node:path'

export class BaseOccupeeError extends Error {}

function vivant(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (erreur) {
    return (erreur as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock of `dossier`; returns the function that releases it. */
export function verrouiller(dossier: string): () => void {
  mkdirSync(dossier, { recursive: true })
  const fichier = path.join(dossier, 'aiguillage.lock')
  for (let essai = 0; essai < 2; essai++) {
    try {
      const fd = openSync(fichier, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let libere = false
      const liberer = (): void => {
        if (libere) return
        libere = true
        process.off('exit', liberer)
        rmSync(fichier, { force: true })
      }
      process.on('exit', liberer)
      return liberer
    } catch (erreur) {
      if ((erreur as NodeJS.ErrnoException).code !== 'EEXIST') throw erreur
      const pid = Number(readFileSync(fichier, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && vivant(pid)) {
        throw new BaseOccupeeError(
          `La base embarquée (${dossier}) est déjà ouverte par le processus ${pid}, sans doute un serveur « aiguillage serve ». ` +
            'Arrêtez-le avant de lancer cette commande, ou utilisez PostgreSQL (DATABASE_URL) pour que plusieurs processus partagent la base.',
        )
      }
      rmSync(fichier, { force: true })
    }
  }
  throw new BaseOccupeeError(`Impossible de verrouiller la base embarquée (${dossier}).`)
}
