/** Opens the embedded database of AIGUILLAGE_DATA_DIR and keeps it open until killed (lock tests). */
import { ouvrirBase } from '../../src/platform/db/database.ts'

await ouvrirBase({ dossier: process.env.AIGUILLAGE_DATA_DIR })
process.stdout.write('prête\n')
setInterval(() => {}, 1000)
