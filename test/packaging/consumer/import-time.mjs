// Prints the milliseconds a cold `await import('token.js')` takes in this (fresh) process. With the
// argument `baseline`, times the import of an empty module instead (Node's own ESM loader start-up).
const specifier = process.argv[2] === 'baseline' ? './empty.mjs' : 'token.js'
const started = performance.now()
await import(specifier)
console.log((performance.now() - started).toFixed(3))
