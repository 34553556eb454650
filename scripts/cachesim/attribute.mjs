// Per-function costs from two cachesim runs, the biggest differences first:
//   node scripts/cachesim/attribute.mjs OUT_A OUT_B [rows]
// OUT_x as given to run.sh (reads OUT_x.cg* and OUT_x.map). JIT code is named from V8's
// --perf-basic-prof map; C++ and builtins by callgrind. Columns: L1 misses, L2 misses and
// instructions of A and B; sorted by |ΔL1 misses|.
import fs from 'node:fs';
import process from 'node:process';
import console from 'node:console';
import path from 'node:path';

const EVENTS = ['Ir', 'Dr', 'Dw', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw'];
const at = (name) => EVENTS.indexOf(name);

function load(prefix) {
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  const files = fs.readdirSync(dir).filter((f) => f.startsWith(`${base}.cg`)).map((f) => path.join(dir, f));
  const map = fs
    .readFileSync(`${prefix}.map`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const m = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line);
      return [parseInt(m[1], 16), parseInt(m[2], 16), m[3]];
    })
    .sort((a, b) => a[0] - b[0]);
  const jit = (address) => {
    let lo = 0;
    let hi = map.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid][0] <= address) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 && address < map[best][0] + map[best][1] ? map[best][2] : null;
  };
  const totals = new Map();
  for (const file of files) {
    const names = new Map();
    let fn = '';
    let address = 0;
    let callCost = false;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const named = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(line);
      if (named) {
        if (named[2] !== undefined) names.set(named[1], named[2]);
        if (line.startsWith('fn=')) fn = names.get(named[1]);
        continue;
      }
      if (line.startsWith('calls=')) {
        callCost = true;
        continue;
      }
      if (!/^(0x|[+\-*])/.test(line)) continue;
      const parts = line.split(' ');
      const a = parts[0];
      if (a[0] === '+') address += parseInt(a.slice(1), 16);
      else if (a[0] === '-') address -= parseInt(a.slice(1), 16);
      else if (a !== '*') address = parseInt(a, 16);
      // The line after calls= is the call's inclusive cost, not this function's own.
      if (callCost) {
        callCost = false;
        continue;
      }
      const name = (fn?.startsWith('0x') ? jit(address) : null) ?? (fn?.startsWith('0x') ? 'JIT (not in the map)' : `C: ${fn}`);
      let v = totals.get(name);
      if (!v) totals.set(name, (v = new Array(EVENTS.length).fill(0)));
      parts.slice(2).forEach((x, i) => (v[i] += Number(x) || 0));
    }
  }
  return totals;
}

const [a, b, rowsArg] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: attribute.mjs OUT_A OUT_B [rows]');
const A = load(a);
const B = load(b);
const zero = new Array(EVENTS.length).fill(0);
const l1 = (v) => v[at('D1mr')] + v[at('D1mw')];
const l2 = (v) => v[at('DLmr')] + v[at('DLmw')];
const rows = [...new Set([...A.keys(), ...B.keys()])].map((name) => [name, A.get(name) ?? zero, B.get(name) ?? zero]);
rows.sort((p, q) => Math.abs(l1(q[1]) - l1(q[2])) - Math.abs(l1(p[1]) - l1(p[2])));
const sum = (m) => [...m.values()].reduce((t, v) => t.map((x, i) => x + v[i]), zero);
const [ta, tb] = [sum(A), sum(B)];
console.log(`total  L1 misses ${l1(ta)} / ${l1(tb)}  L2 misses ${l2(ta)} / ${l2(tb)}  instructions ${ta[0]} / ${tb[0]}`);
for (const [name, x, y] of rows.slice(0, Number(rowsArg ?? 30))) {
  console.log(`${String(l1(x) - l1(y)).padStart(8)}  L1 ${String(l1(x)).padStart(8)} ${String(l1(y)).padStart(8)}  L2 ${String(l2(x)).padStart(6)} ${String(l2(y)).padStart(6)}  Ir ${String(x[0]).padStart(10)} ${String(y[0]).padStart(10)}  ${name.slice(0, 80)}`);
}
