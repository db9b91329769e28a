import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findOutletMentions, loadOutlets, outletByDomain, outletByName } from '../../src/analyze/outlet-lexicon.js';

test('data/outlets.json: well-formed, 150+ outlets, unique names and domains', () => {
  const outlets = loadOutlets();
  assert.ok(outlets.length >= 150, `only ${outlets.length} outlets`);
  const names = new Set<string>();
  const domains = new Set<string>();
  for (const o of outlets) {
    assert.equal(typeof o.name, 'string');
    assert.ok(o.name.trim() === o.name && o.name.length > 0);
    assert.ok(Array.isArray(o.variants) && Array.isArray(o.domains));
    assert.ok(['agency', 'newspaper', 'broadcaster', 'magazine', 'online'].includes(o.kind), `${o.name}: kind ${o.kind}`);
    assert.ok(!names.has(o.name), `duplicate ${o.name}`);
    names.add(o.name);
    for (const d of o.domains) {
      assert.match(d, /^[a-z0-9.-]+\.[a-z]{2,}$/, `${o.name}: domain ${d}`);
      assert.ok(!domains.has(d) || d === 'thetimes.co.uk', `duplicate domain ${d}`);
      domains.add(d);
    }
  }
});

test('outlet lookups by name, variant and domain', () => {
  assert.equal(outletByName('Bloomberg News')?.name, 'Bloomberg');
  assert.equal(outletByName('the Associated Press')?.name, 'Associated Press');
  assert.equal(outletByName('AFP')?.name, 'Agence France-Presse');
  assert.equal(outletByName('Dmitry Peskov'), null);
  assert.equal(outletByDomain('www.nypost.com')?.name, 'New York Post');
  assert.equal(outletByDomain('edition.cnn.com')?.name, 'CNN');
  assert.equal(outletByDomain('example.org'), null);
});

test('findOutletMentions: case-sensitive, longest match, "the" included, weak names flagged', () => {
  const text = 'The New York Times and the BBC cited Bloomberg News; the hill is steep. The Hill reported. time passes.';
  const found = findOutletMentions(text).map((m) => [text.slice(m.start, m.end), m.outlet.name, m.weak]);
  assert.deepEqual(found, [
    ['The New York Times', 'New York Times', false],
    ['the BBC', 'BBC', false],
    ['Bloomberg News', 'Bloomberg', false],
    ['The Hill', 'The Hill', true],
  ]);
});
