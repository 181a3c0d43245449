// node import-time.mjs <specifier>[,<specifier>…] — milliseconds for `await import(…)` in this fresh process.
const specifiers = process.argv[2].split(',')
const start = performance.now()
for (const specifier of specifiers) await import(specifier)
process.stdout.write(JSON.stringify({ importMs: performance.now() - start }) + '\n')
