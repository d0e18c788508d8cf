// @ts-check
/**
 * Tests for scripts/check/metadata.mjs.
 *
 * fixtures/metadata/clean is a tiny but complete SFDX project (two related
 * objects with fields, a roll-up, a formula, a lookup filter, a validation
 * rule, list views, a compact layout, a layout, a permission set, a global
 * value set, a tab, an app, an Apex class, an LWC, a Lightning page, a custom
 * report type, two reports and a dashboard in their folders) that must pass
 * with zero findings. Every other case copies it to a temporary
 * directory, plants one defect (shown inline below, so the test reads as the
 * list of defects the checker must catch) and asserts that exactly the
 * expected findings come out: the rule id, the file and a message fragment.
 *
 * Run: node --test scripts/check/__tests__/metadata.test.mjs
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check } from '../metadata.mjs';
import { formulaRefs } from '../lib/metadata-formula.mjs';
import { orgPicklistFindings } from '../lib/metadata-org-picklists.mjs';
import { loadXml } from '../lib/metadata-xml.mjs';

const CLEAN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'metadata', 'clean');
const SRC = 'force-app/main/default';
const MAP = `${SRC}/objects/Relationship_Map__c`;
const CONTACT = `${SRC}/objects/Map_Contact__c`;
const PERMSET = `${SRC}/permissionsets/Relationship_Maps_User.permissionset-meta.xml`;
const LAYOUT = `${SRC}/layouts/Relationship_Map__c-Relationship Map Layout.layout-meta.xml`;
const APP = `${SRC}/applications/Relationship_Maps.app-meta.xml`;

/** @type {string[]} */
const tempDirs = [];
after(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/**
 * A copy of the clean fixture with edits applied. An edit maps a path
 * (relative to the project) to new content, to a function of the old
 * content, or to null (delete the file).
 * @param {Record<string, string | null | ((text: string) => string)>} edits
 */
function variant(edits) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'metadata-check-'));
  tempDirs.push(dir);
  cpSync(CLEAN, dir, { recursive: true });
  for (const [rel, edit] of Object.entries(edits)) {
    const file = path.join(dir, rel);
    if (edit === null) {
      rmSync(file, { recursive: true });
    } else if (typeof edit === 'function') {
      const before = readFileSync(file, 'utf8');
      const afterEdit = edit(before);
      assert.notEqual(afterEdit, before, `edit of ${rel} changed nothing: fix the test`);
      writeFileSync(file, afterEdit);
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, edit);
    }
  }
  return dir;
}

/**
 * Replaces `from` by `to` (which must occur) in a file's text.
 * @param {string} from
 * @param {string} to
 */
const replace = (from, to) => (/** @type {string} */ text) => text.replace(from, to);

/**
 * @typedef {object} Expected
 * @property {string} rule
 * @property {string} file relative to the project
 * @property {RegExp} [message]
 */

/**
 * Runs the checker on a variant and asserts the findings are exactly `expected`
 * (in any order).
 * @param {Record<string, string | null | ((text: string) => string)>} edits
 * @param {Expected[]} expected
 */
async function expectFindings(edits, expected) {
  const dir = variant(edits);
  const { findings } = await check(dir);
  const got = findings.map((f) => ({
    rule: f.rule ?? '',
    file: path.relative(dir, f.file).split(path.sep).join('/'),
    message: f.message,
    line: f.line,
  }));
  const show = () => got.map((g) => `  [${g.rule}] ${g.file}:${g.line ?? ''} ${g.message}`).join('\n');
  const unmatched = [...got];
  for (const e of expected) {
    const i = unmatched.findIndex(
      (g) => g.rule === e.rule && g.file === e.file && (!e.message || e.message.test(g.message))
    );
    assert.ok(
      i >= 0,
      `expected a ${e.rule} finding in ${e.file}${e.message ? ` matching ${e.message}` : ''}; got:\n${show()}`
    );
    unmatched.splice(i, 1);
  }
  assert.equal(
    unmatched.length,
    0,
    `unexpected findings:\n${unmatched.map((g) => `  [${g.rule}] ${g.file}:${g.line ?? ''} ${g.message}`).join('\n')}`
  );
  return got;
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';

test('the clean fixture passes with zero findings', async () => {
  const { findings, summary } = await check(CLEAN);
  assert.deepEqual(findings, []);
  assert.match(
    summary,
    /^\d+ files: well-formed, paired, schema-valid, cross-references resolve, help text complete, permission sets consistent, no org-defined picklist literals, scratch definitions valid$/
  );
});

// ----------------------------------------------------------- xml-wellformed

test('xml-wellformed: a malformed file is reported with its line', async () => {
  const got = await expectFindings(
    { [`${MAP}/listViews/All.listView-meta.xml`]: replace('<label>All Maps</label>', '<label>All Maps</lable>') },
    [{ rule: 'xml-wellformed', file: `${MAP}/listViews/All.listView-meta.xml`, message: /closing tag/ }]
  );
  assert.equal(got[0].line, 15);
});

test('xml-wellformed: undefined entities and a second root element', async () => {
  await expectFindings(
    {
      [`${MAP}/listViews/All.listView-meta.xml`]: replace('All Maps', 'All &nbsp; Maps'),
      [`${MAP}/compactLayouts/Map_Compact.compactLayout-meta.xml`]: (t) => `${t}<CompactLayout/>\n`,
    },
    [
      { rule: 'xml-wellformed', file: `${MAP}/listViews/All.listView-meta.xml`, message: /undefined entity '&nbsp;'/ },
      {
        rule: 'xml-wellformed',
        file: `${MAP}/compactLayouts/Map_Compact.compactLayout-meta.xml`,
        message: /second root element/,
      },
      // The unreadable compact layout no longer exists for the object that assigns it.
      {
        rule: 'xref',
        file: `${MAP}/Relationship_Map__c.object-meta.xml`,
        message: /compactLayoutAssignment Map_Compact/,
      },
    ]
  );
});

// ---------------------------------------------------------------- meta-pair

test('meta-pair: an Apex class without its -meta.xml', async () => {
  await expectFindings({ [`${SRC}/classes/Orphan.cls`]: 'public class Orphan {}\n' }, [
    { rule: 'meta-pair', file: `${SRC}/classes/Orphan.cls`, message: /no Orphan\.cls-meta\.xml/ },
  ]);
});

test('meta-pair: a -meta.xml without its source', async () => {
  await expectFindings(
    {
      [`${SRC}/classes/Ghost.cls-meta.xml`]: `${XML}<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`,
    },
    [{ rule: 'meta-pair', file: `${SRC}/classes/Ghost.cls-meta.xml`, message: /no Ghost\.cls beside it/ }]
  );
});

test('meta-pair: an LWC bundle without js-meta.xml (its .ts is forceignored but counts as source)', async () => {
  await expectFindings({ [`${SRC}/lwc/relationshipMap/relationshipMap.js-meta.xml`]: null }, [
    { rule: 'meta-pair', file: `${SRC}/lwc/relationshipMap`, message: /no relationshipMap\.js-meta\.xml/ },
    // …and so the Lightning page's component is gone.
    {
      rule: 'xref',
      file: `${SRC}/flexipages/Relationship_Map_Record_Page.flexipage-meta.xml`,
      message: /no LWC \(or Aura\) bundle relationshipMap/,
    },
  ]);
});

// ------------------------------------------------------------------- schema

test('schema: a bad field type enum value', async () => {
  await expectFindings({ [`${MAP}/fields/Goal__c.field-meta.xml`]: replace('<type>Text</type>', '<type>Txt</type>') }, [
    {
      rule: 'schema',
      file: `${MAP}/fields/Goal__c.field-meta.xml`,
      message: /<CustomField\/type> is 'Txt', not one of: AutoNumber, Lookup/,
    },
  ]);
});

test('schema: an unknown element, with the path to it', async () => {
  await expectFindings(
    {
      [`${MAP}/fields/Status__c.field-meta.xml`]: replace(
        '<label>Active</label>',
        '<label>Active</label>\n                <colour>#00FF00</colour>'
      ),
    },
    [
      {
        rule: 'schema',
        file: `${MAP}/fields/Status__c.field-meta.xml`,
        message: /unknown element <colour> in <CustomField\/valueSet\/valueSetDefinition\/value\[2\]>/,
      },
    ]
  );
});

test('schema: a missing required element', async () => {
  await expectFindings(
    { [`${MAP}/listViews/All.listView-meta.xml`]: replace('    <filterScope>Everything</filterScope>\n', '') },
    [
      {
        rule: 'schema',
        file: `${MAP}/listViews/All.listView-meta.xml`,
        message: /missing required element <filterScope> in <ListView>/,
      },
    ]
  );
});

test('schema: a bad FlexiPage region type and a boolean that is not one', async () => {
  await expectFindings(
    {
      [`${SRC}/flexipages/Relationship_Map_Record_Page.flexipage-meta.xml`]: replace(
        '<type>Region</type>',
        '<type>Column</type>'
      ),
      [`${MAP}/fields/Goal__c.field-meta.xml`]: replace('<required>true</required>', '<required>yes</required>'),
    },
    [
      {
        rule: 'schema',
        file: `${SRC}/flexipages/Relationship_Map_Record_Page.flexipage-meta.xml`,
        message: /flexiPageRegions\[1\]\/type> is 'Column', not one of: Region, Facet, Background/,
      },
      {
        rule: 'schema',
        file: `${MAP}/fields/Goal__c.field-meta.xml`,
        message: /<CustomField\/required> must be true or false, found 'yes'/,
      },
    ]
  );
});

test('schema: field shape rules the WSDL cannot express, and a fullName that disagrees with the file name', async () => {
  await expectFindings(
    {
      [`${MAP}/fields/Goal__c.field-meta.xml`]: replace('    <length>255</length>\n', ''),
      [`${CONTACT}/fields/Relationship_Map__c.field-meta.xml`]: replace(
        '<type>MasterDetail</type>',
        '<required>true</required>\n    <type>MasterDetail</type>'
      ),
      [`${CONTACT}/fields/Excluded__c.field-meta.xml`]: replace(
        '<fullName>Excluded__c</fullName>',
        '<fullName>Exclude__c</fullName>'
      ),
    },
    [
      { rule: 'schema', file: `${MAP}/fields/Goal__c.field-meta.xml`, message: /Goal__c \(Text\): needs <length>/ },
      {
        rule: 'schema',
        file: `${CONTACT}/fields/Relationship_Map__c.field-meta.xml`,
        message: /takes no <required> \("Master-Detail Relationship Fields Cannot be Optional or Required"\)/,
      },
      {
        rule: 'schema',
        file: `${CONTACT}/fields/Excluded__c.field-meta.xml`,
        message: /<fullName>Exclude__c<\/fullName> does not match the file name Excluded__c/,
      },
    ]
  );
});

// --------------------------------------------------------------------- xref

test('xref: a list view column naming a missing field', async () => {
  await expectFindings(
    {
      [`${MAP}/listViews/All.listView-meta.xml`]: replace(
        '<columns>Goal__c</columns>',
        '<columns>Goal__c</columns>\n    <columns>Budget__c</columns>'
      ),
    },
    [
      {
        rule: 'xref',
        file: `${MAP}/listViews/All.listView-meta.xml`,
        message: /list view column Budget__c: Relationship_Map__c has no field Budget__c/,
      },
    ]
  );
});

test('xref: list view tokens and picklist filter values', async () => {
  await expectFindings(
    {
      [`${MAP}/listViews/All.listView-meta.xml`]: (t) =>
        t
          .replace(
            '<columns>NAME</columns>',
            '<columns>NAME</columns>\n    <columns>OWNER.ALIAS</columns>\n    <columns>STATUS</columns>'
          )
          .replace('<value>Draft,Active</value>', '<value>Draft,Closed</value>'),
    },
    [
      // Relationship_Map__c is the detail of Account, so it has no owner.
      {
        rule: 'xref',
        file: `${MAP}/listViews/All.listView-meta.xml`,
        message: /OWNER\.ALIAS: Relationship_Map__c has no owner/,
      },
      { rule: 'xref', file: `${MAP}/listViews/All.listView-meta.xml`, message: /STATUS: not a column token/ },
      {
        rule: 'xref',
        file: `${MAP}/listViews/All.listView-meta.xml`,
        message: /'Closed' is not a value of Relationship_Map__c\.Status__c/,
      },
    ]
  );
});

test('xref: a permission set naming a missing field', async () => {
  await expectFindings(
    { [PERMSET]: replace('<field>Map_Contact__c.Role__c</field>', '<field>Map_Contact__c.Rolle__c</field>') },
    [
      {
        rule: 'xref',
        file: PERMSET,
        message: /fieldPermissions field Map_Contact__c\.Rolle__c: Map_Contact__c has no field Rolle__c/,
      },
    ]
  );
});

test('xref: a permission set naming an object that does not exist', async () => {
  await expectFindings({ [PERMSET]: replace('<object>Map_Contact__c</object>', '<object>Map_Contacts__c</object>') }, [
    { rule: 'xref', file: PERMSET, message: /objectPermissions object Map_Contacts__c: no object Map_Contacts__c/ },
  ]);
});

test('xref: a formula referencing a missing field and a bad __r hop', async () => {
  const file = `${CONTACT}/fields/Is_Decision_Maker__c.field-meta.xml`;
  await expectFindings(
    {
      [file]: replace(
        'ISPICKVAL(Role__c, &quot;Economic Buyer&quot;)',
        'ISPICKVAL(Rank__c, &quot;Economic Buyer&quot;) || Contact__r.Relationship_Map__c = Map__r.Id'
      ),
    },
    [
      { rule: 'xref', file, message: /formula references Rank__c: Map_Contact__c has no field Rank__c/ },
      {
        rule: 'xref',
        file,
        message: /formula references Contact__r\.Relationship_Map__c: Contact has no field Relationship_Map__c/,
      },
      { rule: 'xref', file, message: /formula references Map__r\.Id: Map_Contact__c has no lookup field Map__c/ },
    ]
  );
});

test('xref: ISPICKVAL with a value the picklist does not have (deploys, but is never true)', async () => {
  const file = `${CONTACT}/fields/Is_Decision_Maker__c.field-meta.xml`;
  await expectFindings({ [file]: replace('&quot;Economic Buyer&quot;', '&quot;Economic_Buyer&quot;') }, [
    {
      rule: 'xref',
      file,
      message:
        /formula ISPICKVAL\(Role__c, "Economic_Buyer"\): 'Economic_Buyer' is not a value of Map_Contact__c\.Role__c .*never true/,
    },
  ]);
});

test('xref: a validation rule walking through a non-lookup, and its error field', async () => {
  const file = `${CONTACT}/validationRules/Stance_Needs_Contact.validationRule-meta.xml`;
  await expectFindings(
    {
      [file]: (t) =>
        t
          .replace('Relationship_Map__r.Account__r.OwnerId', 'Relationship_Map__r.Goal__r.OwnerId')
          .replace('<errorDisplayField>Contact__c', '<errorDisplayField>Person__c'),
    },
    [
      {
        rule: 'xref',
        file,
        message:
          /references Relationship_Map__r\.Goal__r\.OwnerId: Relationship_Map__c\.Goal__c is a Text field, so Goal__r/,
      },
      { rule: 'xref', file, message: /errorDisplayField Person__c: Map_Contact__c has no field Person__c/ },
    ]
  );
});

test('xref: a roll-up filter with a picklist value that does not exist', async () => {
  const file = `${MAP}/fields/Decision_Maker_Count__c.field-meta.xml`;
  await expectFindings({ [file]: replace('Decision Maker, Economic Buyer', 'Decision Maker, Budget Holder') }, [
    {
      rule: 'xref',
      file,
      message:
        /roll-up filter on Map_Contact__c\.Role__c: 'Budget Holder' is not a value of Map_Contact__c\.Role__c \(values: Decision Maker, Economic Buyer, Unknown\)/,
    },
  ]);
});

test('xref: a picklist on a missing global value set, and a lookup filter on a missing field', async () => {
  await expectFindings(
    {
      [`${CONTACT}/fields/Stance__c.field-meta.xml`]: replace('Relationship_Stance', 'Relationship_Stances'),
      [`${CONTACT}/fields/Contact__c.field-meta.xml`]: replace('$Source.Map_Account_Id__c', '$Source.Account_Id__c'),
    },
    [
      {
        rule: 'xref',
        file: `${CONTACT}/fields/Stance__c.field-meta.xml`,
        message: /valueSetName Relationship_Stances: no global value set/,
      },
      {
        rule: 'xref',
        file: `${CONTACT}/fields/Contact__c.field-meta.xml`,
        message: /lookup filter field Account_Id__c: Map_Contact__c has no field Account_Id__c/,
      },
    ]
  );
});

test('xref: a tab for a missing object', async () => {
  const file = `${SRC}/tabs/Influence_Link__c.tab-meta.xml`;
  await expectFindings(
    {
      [file]: `${XML}<CustomTab xmlns="http://soap.sforce.com/2006/04/metadata">\n    <customObject>true</customObject>\n    <motif>Custom20: Airplane</motif>\n</CustomTab>\n`,
    },
    [
      {
        rule: 'xref',
        file,
        message: /tab Influence_Link__c is a custom object tab, but the project has no object Influence_Link__c/,
      },
    ]
  );
});

test('xref: an app naming a missing tab', async () => {
  await expectFindings(
    {
      [APP]: replace(
        '<tabs>Relationship_Map__c</tabs>',
        '<tabs>Relationship_Map__c</tabs>\n    <tabs>Map_Contact__c</tabs>'
      ),
    },
    [
      {
        rule: 'xref',
        file: APP,
        message:
          /app tab Map_Contact__c: no tab of that name in the project \(object Map_Contact__c exists, but has no tab/,
      },
    ]
  );
});

test('xref: a layout related list that does not exist', async () => {
  await expectFindings(
    {
      [LAYOUT]: (t) =>
        t
          .replace(
            '<relatedList>Map_Contact__c.Relationship_Map__c</relatedList>',
            '<relatedList>Map_Contact__c.Contact__c</relatedList>'
          )
          .replace('<field>Status__c</field>', '<field>Stage__c</field>'),
    },
    [
      {
        rule: 'xref',
        file: LAYOUT,
        message:
          /related list Map_Contact__c\.Contact__c: Map_Contact__c\.Contact__c is not a lookup or master-detail to Relationship_Map__c \(it points to Contact\)/,
      },
      { rule: 'xref', file: LAYOUT, message: /layout field Stage__c: Relationship_Map__c has no field Stage__c/ },
    ]
  );
});

test('xref: a Lightning page using a component that is not exposed for record pages', async () => {
  await expectFindings(
    {
      [`${SRC}/lwc/relationshipMap/relationshipMap.js-meta.xml`]: replace(
        '<target>lightning__RecordPage</target>',
        '<target>lightning__AppPage</target>'
      ),
    },
    [
      {
        rule: 'xref',
        file: `${SRC}/flexipages/Relationship_Map_Record_Page.flexipage-meta.xml`,
        message: /c:relationshipMap: relationshipMap\.js-meta\.xml does not list target lightning__RecordPage/,
      },
    ]
  );
});

// -------------------------------------------------------------- analytics
//
// The fixture has a custom report type (maps with their people, with Account fields), two
// reports in the public folder Maps and a dashboard on both in the folder Maps.

const REPORT_TYPE = `${SRC}/reportTypes/Maps_with_People.reportType-meta.xml`;
const UNSUPPORTED = `${SRC}/reports/Maps/Unsupported_Decision_Makers.report-meta.xml`;
const BY_ACCOUNT = `${SRC}/reports/Maps/Maps_by_Account.report-meta.xml`;
const DASHBOARD = `${SRC}/dashboards/Maps/Relationship_Health.dashboard-meta.xml`;
const PEOPLE_LIST = `${CONTACT}/listViews/Unsupported_Decision_Makers.listView-meta.xml`;
const PERSON = 'Relationship_Map__c.Map_Contacts__r$';

test('xref: a report column naming a field that does not exist', async () => {
  await expectFindings(
    { [UNSUPPORTED]: replace(`<field>${PERSON}Stance__c</field>`, `<field>${PERSON}Stanse__c</field>`) },
    [
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /^report column Relationship_Map__c\.Map_Contacts__r\$Stanse__c: Map_Contact__c has no field Stanse__c$/,
      },
    ]
  );
});

test('xref: a report column the report type does not offer, and one written without its table', async () => {
  await expectFindings(
    {
      [UNSUPPORTED]: (t) =>
        t
          .replace(`<field>${PERSON}Role__c</field>`, `<field>${PERSON}Map_Account_Id__c</field>`)
          .replace(`<field>${PERSON}Name</field>\n    </columns>`, `<field>Stance__c</field>\n    </columns>`),
    },
    [
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /report column Relationship_Map__c\.Map_Contacts__r\$Map_Account_Id__c: report type Maps_with_People does not offer Map_Account_Id__c on table Relationship_Map__c\.Map_Contacts__r; add it to a section of reportTypes\/Maps_with_People\.reportType-meta\.xml/,
      },
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /report column Stance__c: on a custom report type write Table\$Field, with a table of Maps_with_People/,
      },
    ]
  );
});

test('xref: a report column on a table the report type does not join', async () => {
  await expectFindings(
    {
      [UNSUPPORTED]: replace(
        `<field>${PERSON}Role__c</field>`,
        '<field>Relationship_Map__c.Influence_Links__r$Type__c</field>'
      ),
    },
    [
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /report column Relationship_Map__c\.Influence_Links__r\$Type__c: Relationship_Map__c\.Influence_Links__r is not one of report type Maps_with_People__c's tables \(Relationship_Map__c, Relationship_Map__c\.Map_Contacts__r\)/,
      },
    ]
  );
});

test('xref: report filters with a picklist value and a checkbox value that do not exist', async () => {
  await expectFindings(
    {
      [UNSUPPORTED]: (t) =>
        t
          .replace('<value>Opponent,Unknown</value>', '<value>Opponent,Sceptic</value>')
          .replace('<value>1</value>', '<value>yes</value>'),
    },
    [
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /^report filter on Relationship_Map__c\.Map_Contacts__r\$Stance__c: 'Sceptic' is not a value of global value set Relationship_Stance \(values: Champion, Opponent, Unknown\)$/,
      },
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /report filter on Relationship_Map__c\.Map_Contacts__r\$Is_Decision_Maker__c: 'yes' is not a checkbox value/,
      },
    ]
  );
  await expectFindings({ [UNSUPPORTED]: replace('<value>Active</value>', '<value>Activ</value>') }, [
    {
      rule: 'xref',
      file: UNSUPPORTED,
      message:
        /report filter on Relationship_Map__c\$Status__c: 'Activ' is not a value of Relationship_Map__c\.Status__c/,
    },
  ]);
});

test('xref: report groupings on a missing field, a grouped field also listed as a column, too many groupings', async () => {
  await expectFindings(
    {
      [UNSUPPORTED]: (t) =>
        t
          .replace(
            '<field>Relationship_Map__c$Account__c.Name</field>\n        <sortOrder>',
            '<field>Relationship_Map__c$Account__c.Nam</field>\n        <sortOrder>'
          )
          .replace(
            '<field>Relationship_Map__c$Name</field>',
            `<field>${PERSON}Stance__c</field>\n        <sortOrder>Asc</sortOrder>\n    </groupingsDown>\n    <groupingsDown>\n        <field>${PERSON}Role__c</field>\n        <sortOrder>Asc</sortOrder>\n    </groupingsDown>\n    <groupingsDown>\n        <field>Relationship_Map__c$Goal__c</field>`
          ),
    },
    [
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /^report grouping Relationship_Map__c\$Account__c\.Nam: Account has no field Nam \(in Account__c\.Nam\)/,
      },
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message: /report grouping Relationship_Map__c\.Map_Contacts__r\$Stance__c is also in <columns>/,
      },
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message: /report grouping Relationship_Map__c\.Map_Contacts__r\$Role__c is also in <columns>/,
      },
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message: /Summary report with 4 groupingsDown: a Summary report has at most 3/,
      },
      // The report's chart and the dashboard still group by the old first grouping, which is gone.
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /report chart groupingColumn Relationship_Map__c\$Account__c\.Name is not one of the report's groupings/,
      },
      {
        rule: 'xref',
        file: DASHBOARD,
        message:
          /dashboard component on Maps\/Unsupported_Decision_Makers: groupingColumn Relationship_Map__c\$Account__c\.Name is not one of the report's groupings/,
      },
    ]
  );
});

test('xref: report sort, time frame and aggregates that do not fit their fields', async () => {
  await expectFindings(
    {
      [BY_ACCOUNT]: (t) =>
        t
          .replace(
            '<dateColumn>Relationship_Map__c$CreatedDate</dateColumn>',
            '<dateColumn>Relationship_Map__c$Goal__c</dateColumn>'
          )
          .replace(
            '<field>Relationship_Map__c$Goal__c</field>',
            '<aggregateTypes>Average</aggregateTypes>\n        <field>Relationship_Map__c$Goal__c</field>'
          ),
      [UNSUPPORTED]: replace(`<sortColumn>${PERSON}Name</sortColumn>`, `<sortColumn>${PERSON}Nickname__c</sortColumn>`),
    },
    [
      {
        rule: 'xref',
        file: BY_ACCOUNT,
        message:
          /report timeFrameFilter dateColumn Relationship_Map__c\$Goal__c: Relationship_Map__c\.Goal__c is a Text, not a date/,
      },
      {
        rule: 'xref',
        file: BY_ACCOUNT,
        message:
          /report column Relationship_Map__c\$Goal__c: aggregate Average needs a number, and Relationship_Map__c\.Goal__c is a Text/,
      },
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /report sortColumn Relationship_Map__c\.Map_Contacts__r\$Nickname__c: Map_Contact__c has no field Nickname__c/,
      },
    ]
  );
});

test('xref: a report on a report type that does not exist, or written without __c', async () => {
  await expectFindings(
    {
      [BY_ACCOUNT]: replace(
        '<reportType>Maps_with_People__c</reportType>',
        '<reportType>Maps_with_Persons__c</reportType>'
      ),
    },
    [
      {
        rule: 'xref',
        file: BY_ACCOUNT,
        message: /^reportType Maps_with_Persons__c: no report type Maps_with_Persons in the project/,
      },
    ]
  );
  await expectFindings(
    {
      [BY_ACCOUNT]: replace(
        '<reportType>Maps_with_People__c</reportType>',
        '<reportType>Maps_with_People</reportType>'
      ),
      [UNSUPPORTED]: replace('<reportType>Maps_with_People__c</reportType>', '<reportType>MapList</reportType>'),
    },
    [
      {
        rule: 'xref',
        file: BY_ACCOUNT,
        message:
          /reportType Maps_with_People: a report names a custom report type with __c after its developer name \(Maps_with_People__c\)/,
      },
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /reportType MapList: neither a report type of the project .* nor a standard report type the checker knows/,
      },
    ]
  );
});

test('xref: a report in a folder the project does not define', async () => {
  await expectFindings({ [`${SRC}/reports/Maps.reportFolder-meta.xml`]: null }, [
    {
      rule: 'xref',
      file: UNSUPPORTED,
      message:
        /report Maps\/Unsupported_Decision_Makers is in folder Maps, but the project has no reports\/Maps\.reportFolder-meta\.xml/,
    },
    {
      rule: 'xref',
      file: BY_ACCOUNT,
      message:
        /report Maps\/Maps_by_Account is in folder Maps, but the project has no reports\/Maps\.reportFolder-meta\.xml/,
    },
  ]);
});

test('xref: a dashboard in a folder the project does not define', async () => {
  await expectFindings({ [`${SRC}/dashboards/Maps.dashboardFolder-meta.xml`]: null }, [
    {
      rule: 'xref',
      file: DASHBOARD,
      message:
        /dashboard Maps\/Relationship_Health is in folder Maps, but the project has no dashboards\/Maps\.dashboardFolder-meta\.xml/,
    },
  ]);
});

test('xref: report type sections on missing fields, a column listed twice, a join that does not exist', async () => {
  await expectFindings(
    {
      [REPORT_TYPE]: (t) =>
        t
          .replace('<field>Goal__c</field>', '<field>Objective__c</field>')
          .replace(
            '<field>Contact__c.Email</field>',
            '<field>Contact__c.Mail</field>\n            <table>Relationship_Map__c.Map_Contacts__r</table>\n        </columns>\n        <columns>\n            <checkedByDefault>false</checkedByDefault>\n            <field>Role__c</field>'
          ),
    },
    [
      {
        rule: 'xref',
        file: REPORT_TYPE,
        message: /table Relationship_Map__c column Objective__c: Relationship_Map__c has no field Objective__c/,
      },
      {
        rule: 'xref',
        file: REPORT_TYPE,
        message: /table Relationship_Map__c\.Map_Contacts__r column Contact__c\.Mail: Contact has no field Mail/,
      },
      {
        rule: 'xref',
        file: REPORT_TYPE,
        message: /table Relationship_Map__c\.Map_Contacts__r column Role__c is listed twice/,
      },
      // Reports that used the fields the type no longer offers.
      {
        rule: 'xref',
        file: BY_ACCOUNT,
        message: /report column Relationship_Map__c\$Goal__c: report type Maps_with_People does not offer Goal__c/,
      },
      {
        rule: 'xref',
        file: UNSUPPORTED,
        message:
          /report column Relationship_Map__c\.Map_Contacts__r\$Contact__c\.Email: report type Maps_with_People does not offer Contact__c\.Email/,
      },
    ]
  );
  const renamedJoin = await expectFindings(
    { [REPORT_TYPE]: replace('Map_Contacts__r</relationship>', 'Contacts__r</relationship>') },
    [
      {
        rule: 'xref',
        file: REPORT_TYPE,
        message: /join relationship Contacts__r: Relationship_Map__c has no child relationship of that name/,
      },
      ...Array.from({ length: 6 }, () => ({
        rule: 'xref',
        file: REPORT_TYPE,
        message:
          /column table Relationship_Map__c\.Map_Contacts__r is not one of this report type's tables \(Relationship_Map__c, Relationship_Map__c\.Contacts__r\)/,
      })),
      ...Array.from({ length: 7 }, () => ({
        rule: 'xref',
        file: UNSUPPORTED,
        message: /Relationship_Map__c\.Map_Contacts__r is not one of report type Maps_with_People__c's tables/,
      })),
      {
        rule: 'xref',
        file: BY_ACCOUNT,
        message: /Relationship_Map__c\.Map_Contacts__r is not one of report type Maps_with_People__c's tables/,
      },
    ]
  );
  assert.ok(
    renamedJoin.every((f) => f.line),
    'every finding points at a line'
  );
});

test('xref: a dashboard on a missing report, and components that do not match their reports', async () => {
  await expectFindings(
    {
      [DASHBOARD]: replace(
        '<report>Maps/Unsupported_Decision_Makers</report>',
        '<report>Maps/Unsupported_People</report>'
      ),
    },
    [
      {
        rule: 'xref',
        file: DASHBOARD,
        message: /^dashboard component report Maps\/Unsupported_People: no report of that name in the project$/,
      },
    ]
  );
  await expectFindings(
    {
      [DASHBOARD]: (t) =>
        t
          .replace(
            '<groupingColumn>Relationship_Map__c$Account__c.Name</groupingColumn>',
            `<groupingColumn>${PERSON}Stance__c</groupingColumn>`
          )
          .replace('<aggregateType>Sum</aggregateType>', '<aggregateType>Average</aggregateType>')
          .replace('<column>RowCount</column>', `<column>${PERSON}Role__c</column>`),
    },
    [
      {
        rule: 'xref',
        file: DASHBOARD,
        message:
          /dashboard component on Maps\/Unsupported_Decision_Makers: groupingColumn Relationship_Map__c\.Map_Contacts__r\$Stance__c is not one of the report's groupings/,
      },
      {
        rule: 'xref',
        file: DASHBOARD,
        message:
          /dashboard component on Maps\/Maps_by_Account: dashboardTableColumn Average of Relationship_Map__c\$Decision_Maker_Count__c: the report does not total that column that way \(its aggregateTypes: sum\)/,
      },
      {
        rule: 'xref',
        file: DASHBOARD,
        message:
          /dashboard component on Maps\/Unsupported_Decision_Makers: chartSummary Relationship_Map__c\.Map_Contacts__r\$Role__c: the report does not total that column/,
      },
    ]
  );
});

test('xref: a dashboard chart on a report without groupings, and a dashboard that names its running user', async () => {
  await expectFindings(
    {
      [UNSUPPORTED]: (t) =>
        t
          .replace(/ {4}<groupingsDown>[\s\S]*<\/groupingsDown>\n/, '')
          .replace('<format>Summary</format>', '<format>Tabular</format>')
          .replace(/ {4}<chart>[\s\S]*<\/chart>\n/, ''),
      [DASHBOARD]: replace(
        '<dashboardType>LoggedInUser</dashboardType>',
        '<dashboardType>SpecifiedUser</dashboardType>\n    <runningUser>admin@acme.example.com</runningUser>'
      ),
    },
    [
      {
        rule: 'xref',
        file: DASHBOARD,
        message:
          /dashboard component on Maps\/Unsupported_Decision_Makers: a Bar chart draws the report's groupings, and the report has none/,
      },
      {
        rule: 'xref',
        file: DASHBOARD,
        message: /groupingColumn Relationship_Map__c\$Account__c\.Name is not one of the report's groupings/,
      },
      {
        rule: 'xref',
        file: DASHBOARD,
        message:
          /runningUser admin@acme\.example\.com: a user of one org, so the dashboard deploys nowhere else; use <dashboardType>LoggedInUser<\/dashboardType>/,
      },
    ]
  );
});

test('xref: a list view with a missing field, a missing picklist value and a bad checkbox value', async () => {
  await expectFindings(
    {
      [PEOPLE_LIST]: (t) =>
        t
          .replace('<columns>Role__c</columns>', '<columns>Rank__c</columns>')
          .replace('<value>Opponent,Unknown</value>', '<value>Opponent,Hostile</value>')
          .replace('<value>0</value>', '<value>no</value>'),
    },
    [
      {
        rule: 'xref',
        file: PEOPLE_LIST,
        message: /^list view column Rank__c: Map_Contact__c has no field Rank__c$/,
      },
      {
        rule: 'xref',
        file: PEOPLE_LIST,
        message: /^list view filter on Stance__c: 'Hostile' is not a value of global value set Relationship_Stance/,
      },
      {
        rule: 'xref',
        file: PEOPLE_LIST,
        message:
          /^list view filter on Excluded__c: 'no' is not a checkbox value \(use 1 for checked, 0 for unchecked\)$/,
      },
    ]
  );
});

// -------------------------------------------------------------- permissions

/**
 * Edits the objectPermissions block of `object` in the clean permission set.
 * @param {string} object
 * @param {Record<string, boolean>} flags e.g. { allowRead: false }
 */
const objectPerms = (object, flags) => (/** @type {string} */ text) =>
  text.replace(
    new RegExp(
      `<objectPermissions>((?:(?!</objectPermissions>)[\\s\\S])*?<object>${object}</object>[\\s\\S]*?)</objectPermissions>`
    ),
    (block) =>
      Object.entries(flags).reduce(
        (b, [name, on]) => b.replace(new RegExp(`<${name}>(true|false)</${name}>`), `<${name}>${on}</${name}>`),
        block
      )
  );

test('permissions: Create and Edit without Read on the same object', async () => {
  await expectFindings({ [PERMSET]: objectPerms('Map_Contact__c', { allowRead: false }) }, [
    {
      rule: 'permissions',
      file: PERMSET,
      message: /^Relationship_Maps_User: Create on Map_Contact__c depends on Read on Map_Contact__c; a deploy fails/,
    },
    { rule: 'permissions', file: PERMSET, message: /Edit on Map_Contact__c depends on Read on Map_Contact__c/ },
  ]);
});

test('permissions: Delete without Edit', async () => {
  await expectFindings({ [PERMSET]: objectPerms('Map_Contact__c', { allowDelete: true, allowEdit: false }) }, [
    { rule: 'permissions', file: PERMSET, message: /Delete on Map_Contact__c depends on Edit on Map_Contact__c/ },
  ]);
});

test('permissions: View All without Read', async () => {
  await expectFindings(
    {
      [PERMSET]: (t) =>
        objectPerms('Account', { viewAllRecords: true })(
          objectPerms('Relationship_Map__c', {
            viewAllRecords: true,
            allowRead: false,
            allowCreate: false,
            allowEdit: false,
          })(t)
        ),
    },
    [
      {
        rule: 'permissions',
        file: PERMSET,
        message: /View All on Relationship_Map__c depends on Read on Relationship_Map__c/,
      },
      // …and the detail's Read now lacks its master's
      { rule: 'permissions', file: PERMSET, message: /Read on Map_Contact__c depends on Read on Relationship_Map__c/ },
    ]
  );
});

test('permissions: Modify All without Delete and View All (and without Modify All on the master)', async () => {
  await expectFindings({ [PERMSET]: objectPerms('Map_Contact__c', { modifyAllRecords: true }) }, [
    {
      rule: 'permissions',
      file: PERMSET,
      message: /Modify All on Map_Contact__c depends on Delete, View All on Map_Contact__c/,
    },
    {
      rule: 'permissions',
      file: PERMSET,
      message: /Modify All on Map_Contact__c depends on Modify All on Relationship_Map__c \(master-detail parent\)/,
    },
  ]);
});

test('permissions: View All on a master-detail child of Account needs View All on Account', async () => {
  const got = await expectFindings({ [PERMSET]: objectPerms('Relationship_Map__c', { viewAllRecords: true }) }, [
    {
      rule: 'permissions',
      file: PERMSET,
      message:
        /^Relationship_Maps_User: View All on Relationship_Map__c depends on View All on Account \(master-detail parent\)/,
    },
  ]);
  assert.match(got[0].message, /Grant View All on Account too, or drop View All on Relationship_Map__c/);
});

test('permissions: View All down a master-detail chain needs it on the custom master too', async () => {
  await expectFindings({ [PERMSET]: objectPerms('Map_Contact__c', { viewAllRecords: true }) }, [
    {
      rule: 'permissions',
      file: PERMSET,
      message: /View All on Map_Contact__c depends on View All on Relationship_Map__c \(master-detail parent\)/,
    },
  ]);
});

test('permissions: Read on a master-detail child needs Read on its standard master (Account)', async () => {
  await expectFindings({ [PERMSET]: objectPerms('Account', { allowRead: false }) }, [
    {
      rule: 'permissions',
      file: PERMSET,
      message: /Read on Relationship_Map__c depends on Read on Account \(master-detail parent\)/,
    },
  ]);
});

test('permissions: field permissions on a master-detail field', async () => {
  await expectFindings(
    {
      [PERMSET]: replace('<field>Map_Contact__c.Role__c</field>', '<field>Map_Contact__c.Relationship_Map__c</field>'),
    },
    [
      {
        rule: 'permissions',
        file: PERMSET,
        message: /Map_Contact__c\.Relationship_Map__c is a master-detail field.*Remove its fieldPermissions/,
      },
    ]
  );
});

test('permissions: field permissions on a required field', async () => {
  await expectFindings(
    {
      [PERMSET]: replace('<field>Relationship_Map__c.Status__c</field>', '<field>Relationship_Map__c.Goal__c</field>'),
    },
    [
      {
        rule: 'permissions',
        file: PERMSET,
        message: /Relationship_Map__c\.Goal__c is a required field and takes no field permissions.*marked editable/,
      },
    ]
  );
});

test('permissions: an editable formula field and an editable roll-up summary', async () => {
  await expectFindings(
    {
      [PERMSET]: (t) =>
        t
          .replace(
            '<editable>false</editable>\n        <field>Map_Contact__c.Is_Decision_Maker__c</field>',
            '<editable>true</editable>\n        <field>Map_Contact__c.Is_Decision_Maker__c</field>'
          )
          .replace(
            '<editable>false</editable>\n        <field>Relationship_Map__c.People_Count__c</field>',
            '<editable>true</editable>\n        <field>Relationship_Map__c.People_Count__c</field>'
          ),
    },
    [
      {
        rule: 'permissions',
        file: PERMSET,
        message: /Is_Decision_Maker__c is a formula field: calculated fields cannot be editable/,
      },
      { rule: 'permissions', file: PERMSET, message: /People_Count__c is a roll-up summary field/ },
    ]
  );
});

test('permissions: editable without readable', async () => {
  await expectFindings(
    {
      [PERMSET]: replace(
        '<field>Map_Contact__c.Role__c</field>\n        <readable>true</readable>',
        '<field>Map_Contact__c.Role__c</field>\n        <readable>false</readable>'
      ),
    },
    [
      {
        rule: 'permissions',
        file: PERMSET,
        message:
          /Edit on Map_Contact__c\.Role__c depends on Read on Map_Contact__c\.Role__c \(editable needs readable\)/,
      },
    ]
  );
});

// ------------------------------------------------------------- org-picklist

const LOG_CALL = `${SRC}/quickActions/Relationship_Map__c.Log_Call.quickAction-meta.xml`;
/** @param {string} overrides */
const logCallAction = (overrides) =>
  `${XML}<QuickAction xmlns="http://soap.sforce.com/2006/04/metadata">\n${overrides}    <label>Log Call</label>\n    <optionsCreateFeedItem>false</optionsCreateFeedItem>\n    <targetObject>Task</targetObject>\n    <targetParentField>What</targetParentField>\n    <type>LogACall</type>\n</QuickAction>\n`;
/** @param {string} field @param {string} value */
const literalOverride = (field, value) =>
  `    <fieldOverrides>\n        <field>${field}</field>\n        <literalValue>${value}</literalValue>\n    </fieldOverrides>\n`;

test('org-picklist: a quick action without org-defined literals passes', async () => {
  await expectFindings(
    {
      [LOG_CALL]: logCallAction(
        `${literalOverride('Subject', 'Call')}    <fieldOverrides>\n        <field>ActivityDate</field>\n        <formula>TODAY()</formula>\n    </fieldOverrides>\n`
      ),
    },
    []
  );
});

test("org-picklist: a quick action overriding Task Status with 'Completed'", async () => {
  const got = await expectFindings({ [LOG_CALL]: logCallAction(literalOverride('Status', 'Completed')) }, [
    {
      rule: 'org-picklist',
      file: LOG_CALL,
      message:
        /quick action Relationship_Map__c\.Log_Call: 'Completed' overrides Task\.Status, whose values each org defines/,
    },
  ]);
  assert.equal(got[0].line, 5);
});

test("org-picklist: a flow creating a Task with Status 'Completed' and looking up Opportunities by StageName", () => {
  const flow = loadXml(`${XML}<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <recordCreates>
        <name>Create_Call</name>
        <inputAssignments>
            <field>Status</field>
            <value><stringValue>Completed</stringValue></value>
        </inputAssignments>
        <inputAssignments>
            <field>TaskSubtype</field>
            <value><stringValue>Call</stringValue></value>
        </inputAssignments>
        <object>Task</object>
    </recordCreates>
    <recordLookups>
        <name>Won</name>
        <filters>
            <field>StageName</field>
            <operator>EqualTo</operator>
            <value><stringValue>Closed Won</stringValue></value>
        </filters>
        <object>Opportunity</object>
    </recordLookups>
</Flow>
`);
  assert.ok(!flow.problem);
  const findings = orgPicklistFindings([
    { file: 'Log_Call.flow-meta.xml', kind: { type: 'Flow', fullName: 'Log_Call', name: 'Log_Call' }, root: flow.root },
  ]);
  assert.deepEqual(
    findings.map((f) => [f.line, f.rule, f.message.split(',')[0]]),
    [
      [7, 'org-picklist', 'flow Log_Call'],
      [20, 'org-picklist', 'flow Log_Call'],
    ]
  );
  assert.match(findings[0].message, /recordCreates Create_Call: 'Completed' is assigned to Task\.Status/);
  assert.match(
    findings[1].message,
    /recordLookups Won: 'Closed Won' filters on Opportunity\.StageName.*OpportunityStage/
  );
});

// ---------------------------------------------------------------- help-text

test('help-text: a field without inlineHelpText, an object without description', async () => {
  await expectFindings(
    {
      [`${MAP}/fields/Goal__c.field-meta.xml`]: replace(
        '    <inlineHelpText>Our goal, in one sentence.</inlineHelpText>\n',
        ''
      ),
      [`${CONTACT}/Map_Contact__c.object-meta.xml`]: replace(
        '<description>A person on a relationship map.</description>',
        '<description> </description>'
      ),
    },
    [
      {
        rule: 'help-text',
        file: `${MAP}/fields/Goal__c.field-meta.xml`,
        message: /Relationship_Map__c\.Goal__c has no <inlineHelpText>/,
      },
      {
        rule: 'help-text',
        file: `${CONTACT}/Map_Contact__c.object-meta.xml`,
        message: /custom object Map_Contact__c has no <description>/,
      },
    ]
  );
});

// ------------------------------------------------------------------ helpers

test('formulaRefs finds field paths and skips functions, globals, strings and literals', () => {
  const refs = formulaRefs(
    'IF(ISPICKVAL(Role__c, "Decision Maker") && $User.Id = Owner.Id, From__r.Relationship_Map__c, /* Old__c */ TRUE) + 1e5 & \'x.y\''
  ).map((r) => r.path);
  assert.deepEqual(refs, ['Role__c', 'Owner.Id', 'From__r.Relationship_Map__c']);
});
