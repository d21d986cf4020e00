/**
 * Imports the specifiers given as arguments, in order, in this fresh process
 * and prints how long that took (ms, from just before the first import).
 * `okta-mock/*` resolve through the package's own `exports`, i.e. dist/.
 */
const started = performance.now();
for (const specifier of process.argv.slice(2)) await import(specifier);
console.log(JSON.stringify({ importMs: performance.now() - started }));
