import fs from 'node:fs';
import path from 'node:path';

// Modules meet in one direction only: where two modules need each other, one of them takes the other's side through a
// port wired in app.ts and main.ts (cases' CaseReferralPort, submissions' SubmissionCasePort), or the shared piece
// lives in the module it belongs to. Lint keeps imports on the faces; this keeps the faces from meeting both ways.
const modulesDir = path.resolve(__dirname, '../../server/src/modules');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** "from → to" for every module that imports another, with one file that does it. */
function moduleImports(): Map<string, string> {
  const edges = new Map<string, string>();
  for (const module of fs.readdirSync(modulesDir)) {
    for (const file of sourceFiles(path.join(modulesDir, module))) {
      for (const [, from, dynamic] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = from ?? dynamic!;
        if (!specifier.startsWith('.')) continue;
        const target = path.relative(modulesDir, path.resolve(path.dirname(file), specifier)).split(path.sep)[0]!;
        if (target === '..' || target === module) continue;
        edges.set(`${module} → ${target}`, path.relative(modulesDir, file));
      }
    }
  }
  return edges;
}

describe('server modules', () => {
  it('never import each other both ways', () => {
    const edges = moduleImports();
    const both = [...edges.keys()]
      .map((edge) => edge.split(' → ') as [string, string])
      .filter(([from, to]) => from < to && edges.has(`${to} → ${from}`))
      .map(([from, to]) => `${from} ↔ ${to} (${edges.get(`${from} → ${to}`)}, ${edges.get(`${to} → ${from}`)})`);
    expect(both).toEqual([]);
  });

  it('are read by this check (it sees the imports that exist)', () => {
    expect(moduleImports().has('cases → workflows')).toBe(true);
    expect(moduleImports().has('referrals → cases')).toBe(true);
  });
});
