/**
 * Imports the specifiers given as arguments, in order, in this fresh process
 * and prints how long that took (ms, from just before the first import), and
 * each import's own share (`stepsMs`: what it added after the ones before it).
 * `okta-mock/*` resolve through the package's own `exports`, i.e. dist/.
 */
const started = performance.now();
const stepsMs = [];
for (const specifier of process.argv.slice(2)) {
  const before = performance.now();
  await import(specifier);
  stepsMs.push(performance.now() - before);
}
console.log(JSON.stringify({ importMs: performance.now() - started, stepsMs }));
