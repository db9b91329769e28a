import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { repoRoot } from '../helpers.js';

/**
 * Guards against drift between src/model.ts and docs/report.schema.json: every
 * interface of the model that the schema describes (same name in `$defs`) must
 * list the same fields, and the required ones must be required in the schema.
 */
test('schema $defs cover every field of the model interfaces', () => {
  const root = repoRoot();
  const schema = JSON.parse(readFileSync(`${root}/docs/report.schema.json`, 'utf8'));
  const src = ts.createSourceFile('model.ts', readFileSync(`${root}/src/model.ts`, 'utf8'), ts.ScriptTarget.ES2022, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  src.forEachChild((n) => { if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n); });

  const members = (name: string): Map<string, boolean> => {
    const decl = interfaces.get(name)!;
    const out = new Map<string, boolean>();
    for (const h of decl.heritageClauses ?? []) {
      for (const t of h.types) {
        const base = t.expression.getText(src);
        if (interfaces.has(base)) for (const [k, v] of members(base)) out.set(k, v);
      }
    }
    for (const m of decl.members) {
      if (ts.isPropertySignature(m) && m.name) out.set(m.name.getText(src), !m.questionToken);
    }
    return out;
  };

  const checked: string[] = [];
  const problems: string[] = [];
  for (const name of interfaces.keys()) {
    const def = schema.$defs[name];
    if (!def) continue;
    checked.push(name);
    const props = new Set(Object.keys(def.properties ?? {}));
    const required = new Set<string>(def.required ?? []);
    for (const [field, isRequired] of members(name)) {
      if (!props.has(field)) problems.push(`${name}.${field} is in model.ts but not in the schema`);
      else if (isRequired && !required.has(field)) problems.push(`${name}.${field} is required in model.ts but not in the schema`);
      else if (!isRequired && required.has(field)) problems.push(`${name}.${field} is optional in model.ts but required in the schema`);
    }
    for (const field of props) if (!members(name).has(field)) problems.push(`${name}.${field} is in the schema but not in model.ts`);
  }
  for (const must of ['Report', 'Article', 'Quote', 'Speaker', 'Citation', 'NumberMention', 'Hedge', 'QuoteVariant', 'Finding', 'ProvenanceEdge']) {
    if (must === 'Report') continue; // the top level is the schema itself, checked below
    assert.ok(checked.includes(must), `$defs.${must} exists`);
  }
  const reportFields = [...members('Report').keys()].sort();
  assert.deepEqual(Object.keys(schema.properties).sort(), reportFields, 'top-level properties match Report');
  assert.deepEqual([...schema.required].sort(), reportFields, 'all Report fields are required');
  assert.deepEqual(problems, []);
});
