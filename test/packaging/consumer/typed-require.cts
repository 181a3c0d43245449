// Consumer check, TypeScript and CommonJS: `require('token.js')` of the ES module, which TypeScript (5.8+,
// `module: nodenext`) accepts as Node 20.19+ and 22.12+ do.
import tokenjs = require('token.js')

const client = new tokenjs.TokenJS({ apiKey: 'not-a-real-key' })
const typed: boolean = client instanceof tokenjs.TokenJS && typeof tokenjs.InputError === 'function'
export = typed
