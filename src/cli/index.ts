#!/usr/bin/env node
/** The `tokenjs` command (package.json `bin`). */
import { main } from './main.js'

const code = await main(process.argv.slice(2))
process.exitCode = code
