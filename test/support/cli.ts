/** Runs the real `aiguillage` command line in a child process. */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/aiguillage.js')

export interface Sortie {
  code: number | null
  stdout: string
  stderr: string
}

export function lancer(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string, entree?: string): ChildProcess {
  const enfant = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    stdio: [entree === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  })
  if (entree !== undefined) enfant.stdin?.end(entree)
  return enfant
}

/** Runs the command to its end; `entree` is written to its standard input. */
export function executer(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string, entree?: string): Promise<Sortie> {
  return new Promise((resoudre, rejeter) => {
    const enfant = lancer(args, env, cwd, entree)
    let stdout = ''
    let stderr = ''
    enfant.stdout?.on('data', (d) => (stdout += d))
    enfant.stderr?.on('data', (d) => (stderr += d))
    enfant.on('error', rejeter)
    enfant.on('close', (code) => resoudre({ code, stdout, stderr }))
  })
}
