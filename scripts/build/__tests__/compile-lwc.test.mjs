// @ts-check
/**
 * node --test scripts/build/__tests__/compile-lwc.test.mjs
 *
 * compile-lwc.mjs checks tsconfig.json's `paths` before running tsc: one `c/<name>` entry per
 * TypeScript component, no wildcard, no entry pointing at a deleted component. Fixtures are the
 * tiny projects under scripts/check/__tests__/fixtures/toolchain/paths-*.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pathProblems, typeScriptComponents } from '../compile-lwc.mjs';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'check',
  '__tests__',
  'fixtures',
  'toolchain'
);

describe('compile-lwc pathProblems', () => {
  it('finds the TypeScript components (lwc/<name>/<name>.ts)', () => {
    assert.deepEqual([...typeScriptComponents(path.join(FIXTURES, 'paths-missing'))].sort(), [
      ['graphView', './force-app/main/default/lwc/graphView/graphView.ts'],
      ['stanceBadge', './force-app/main/default/lwc/stanceBadge/stanceBadge.ts'],
    ]);
  });

  it('names the entry to add for a component without one, and reports entries for deleted components', () => {
    assert.deepEqual(pathProblems(path.join(FIXTURES, 'paths-missing')), [
      'tsconfig.json: add "c/graphView": ["./force-app/main/default/lwc/graphView/graphView.ts"] to compilerOptions.paths',
      'tsconfig.json: "c/oldWidget" points to missing ./force-app/main/default/lwc/oldWidget/oldWidget.ts',
    ]);
  });

  it('rejects a c/* wildcard and asks for one entry per component', () => {
    const problems = pathProblems(path.join(FIXTURES, 'paths-wildcard'));
    assert.ok(
      problems.includes('tsconfig.json: "c/*" — wildcards are not allowed; list each component'),
      problems.join('\n')
    );
    for (const name of ['graphView', 'stanceBadge']) {
      assert.ok(
        problems.some((p) => p.startsWith(`tsconfig.json: add "c/${name}": `)),
        `no entry requested for ${name}`
      );
    }
  });
});
