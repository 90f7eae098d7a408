// Entry of the validation worker: Node 20 workers do not inherit the main thread's TypeScript
// loader, so the worker registers tsx itself before loading the TypeScript module.
import { register } from 'tsx/esm/api'

register()
await import('./examen-travailleur.ts')
