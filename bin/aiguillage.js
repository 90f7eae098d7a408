#!/usr/bin/env node
// Launches the Aiguillage command line: TypeScript sources run through tsx, no build step.
// Opening hours are evaluated in the process's time zone: the territory's (AIGUILLAGE_FUSEAU,
// e.g. Indian/Reunion), Europe/Paris by default — whatever the server's own zone.
process.env.TZ = process.env.AIGUILLAGE_FUSEAU || 'Europe/Paris'
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
