import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { STANDARD_PREFIXES, checkId, isSalesforceId, sameId, to18 } from '../lib/ids.ts';
import { quote, soql, soqlDate, soqlFields } from '../lib/soql.ts';
import { fakeId18 } from './fake/org.ts';
import { parseSoql } from './fake/soql.ts';

describe('SOQL values', () => {
  it('quotes and escapes quotes, backslashes and line breaks', () => {
    assert.equal(quote("O'Neil"), "'O\\'Neil'");
    assert.equal(quote('back\\slash'), "'back\\\\slash'");
    assert.equal(quote('say "hi"'), '\'say \\"hi\\"\'');
    assert.equal(quote('two\nlines\r\ttab'), "'two\\nlines\\r\\ttab'");
    assert.equal(quote("\\'; DELETE"), "'\\\\\\'; DELETE'");
  });

  it('keeps any text one literal: a parser reads back exactly the value (no injection)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const statement = soql`SELECT Id FROM Contact WHERE Email = ${value} AND LastName != ${value}`;
        const where = parseSoql(statement).where;
        assert.deepEqual(where, {
          kind: 'and',
          parts: [
            { kind: 'compare', path: 'Email', op: '=', value },
            { kind: 'compare', path: 'LastName', op: '!=', value },
          ],
        });
      }),
      { numRuns: 300 }
    );
  });

  it('writes IN lists, booleans, null, numbers and dates as literals', () => {
    assert.equal(
      soql`SELECT Id FROM X WHERE A IN ${['a', "b'c"]} AND B = ${true} AND C = ${null} AND D > ${2.5} AND E = ${soqlDate('2026-11-01')}`,
      "SELECT Id FROM X WHERE A IN ('a', 'b\\'c') AND B = true AND C = null AND D > 2.5 AND E = 2026-11-01"
    );
    assert.throws(() => soql`SELECT Id FROM X WHERE A IN ${[]}`, /at least one value/);
    assert.throws(() => soql`SELECT Id FROM X WHERE A = ${Number.NaN}`, /cannot be used/);
    assert.throws(() => soqlDate('2026-11-01) OR (1=1'), /not a date/);
    assert.throws(() => soqlDate('2026-02-30x'), /not a date/);
  });

  it('takes only API names as field lists', () => {
    assert.equal(
      soql`SELECT ${soqlFields(['Id', 'Contact__r.Email'])} FROM Map_Contact__c`,
      'SELECT Id, Contact__r.Email FROM Map_Contact__c'
    );
    assert.throws(() => soqlFields(['Id FROM User --']), /Not a field name/);
    assert.throws(() => soqlFields([]), /Not a field name/);
  });
});

describe('Ids', () => {
  it('converts 15-character Ids to the case-safe 18-character form', () => {
    assert.equal(to18('001A0000006Vm9r'), '001A0000006Vm9rIAC');
    assert.equal(to18('001A0000006Vm9rIAC'), '001A0000006Vm9rIAC');
    assert.equal(to18('001a0000006vm9r'), '001a0000006vm9rAAA');
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9]{15}$/), (body) => {
        assert.equal(to18(body), fakeId18(body));
        assert.ok(isSalesforceId(to18(body)));
      })
    );
  });

  it('rejects text that is not an Id, a wrong checksum, and Ids of another object', () => {
    for (const bad of ['', '001', '001A0000006Vm9r!', '001A0000006Vm9rXXX', "001A0000006Vm9r' OR ''='"])
      assert.equal(isSalesforceId(bad), false, bad);
    assert.deepEqual(checkId(' 001A0000006Vm9r ', 'account', STANDARD_PREFIXES.Account), { id: '001A0000006Vm9rIAC' });
    assert.match(
      checkId('003A0000006Vm9r', 'account', STANDARD_PREFIXES.Account).problem ?? '',
      /account Ids start with 001, this one with 003/
    );
    assert.match(checkId('hello', 'map', 'a0A').problem ?? '', /"hello" is not a Salesforce Id/);
    assert.ok(sameId('001A0000006Vm9r', '001A0000006Vm9rIAC'));
    assert.ok(!sameId('001A0000006Vm9r', '001a0000006Vm9rIAC'));
  });
});
