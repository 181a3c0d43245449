#!/usr/bin/env node
/** The `tokenjs` command (package.json `bin`). */
import { exitQuietlyOnClosedPipe, main } from './main.js'

exitQuietlyOnClosedPipe()

const code = await main(process.argv.slice(2))
process.exitCode = code
