// Pixel diff of two screenshot folders (same file names), for "nothing a user sees changed":
// `node tests/tools/diff.mjs BEFORE_DIR AFTER_DIR [max_percent=0.1] [diff_out_dir]`.
// Prints one line per screenshot with the share of differing pixels; exits 1 if any is over
// the limit, or if a screenshot is missing or changed size.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

const [before, after, maxArg = '0.1', out] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node tests/tools/diff.mjs BEFORE_DIR AFTER_DIR [max_percent] [diff_out_dir]');
  process.exit(2);
}
const max = Number(maxArg);
if (out) mkdirSync(out, { recursive: true });
let bad = 0;
for (const name of readdirSync(before).filter((f) => f.endsWith('.png')).sort()) {
  if (!existsSync(join(after, name))) {
    console.log(`${name}: missing after`);
    bad += 1;
    continue;
  }
  const a = PNG.sync.read(readFileSync(join(before, name)));
  const b = PNG.sync.read(readFileSync(join(after, name)));
  if (a.width !== b.width || a.height !== b.height) {
    console.log(`${name}: size changed ${a.width}×${a.height} → ${b.width}×${b.height}`);
    bad += 1;
    continue;
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  const pct = (100 * n) / (a.width * a.height);
  const over = pct > max;
  if (over) bad += 1;
  if (out && n > 0) writeFileSync(join(out, name), PNG.sync.write(diff));
  console.log(`${name}: ${pct.toFixed(3)}% (${n} px)${over ? '  OVER' : ''}`);
}
console.log(bad ? `${bad} screenshot(s) differ by more than ${max}%` : `all within ${max}%`);
process.exit(bad ? 1 : 0);
