// Self time of a .cpuprofile by where it is spent. Usage: node profile-split.js file.cpuprofile
const fs = require('node:fs');
const prof = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const bucket = (n) => {
  const { url, functionName } = n.callFrame;
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (/JSON|stringify|parse/.test(functionName) && !url) return 'json (native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (/\/src\//.test(url)) return 'src/' + (url.split('/src/')[1] ?? '').split('/')[0];
  if (url.startsWith('node:')) return 'node core (' + url.slice(5).split('/')[0] + ')';
  return url ? 'other' : '(native) ' + functionName;
};
const totals = new Map();
let all = 0;
for (const [id, us] of self) {
  const k = bucket(byId.get(id));
  totals.set(k, (totals.get(k) ?? 0) + us);
  if (k !== '(idle)') all += us;
}
for (const [k, us] of [...totals].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}
