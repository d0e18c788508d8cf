/**
 * Facts the scripts take from the project itself, so they cannot drift from what is deployed:
 * the API version (sfdx-project.json) and picklist values (the object metadata in force-app).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** The repository root (two levels above scripts/cli/lib). */
import { REPO_ROOT } from '../../shared/project.mjs';

const METADATA_ROOT = path.join(REPO_ROOT, 'force-app', 'main', 'default');

/** sourceApiVersion of sfdx-project.json, e.g. "65.0". */
export function apiVersion(): string {
  const project = JSON.parse(readFileSync(path.join(REPO_ROOT, 'sfdx-project.json'), 'utf8')) as {
    sourceApiVersion?: unknown;
  };
  if (typeof project.sourceApiVersion !== 'string' || !/^\d+\.0$/.test(project.sourceApiVersion)) {
    throw new Error('sfdx-project.json has no sourceApiVersion like "65.0"');
  }
  return project.sourceApiVersion;
}

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'value' || name === 'customValue',
});

interface FieldXml {
  CustomField?: {
    type?: string;
    valueSet?: {
      valueSetName?: string;
      valueSetDefinition?: { value?: { fullName?: string }[] };
    };
  };
}

interface GlobalValueSetXml {
  GlobalValueSet?: { customValue?: { fullName?: string }[] };
}

const picklistCache = new Map<string, readonly string[]>();

/**
 * The values of a picklist field, in their order, read from the field's metadata (or from its
 * global value set).
 * @param objectName e.g. Map_Contact__c
 * @param fieldName e.g. Stance__c
 */
export function picklistValues(objectName: string, fieldName: string): readonly string[] {
  const key = `${objectName}.${fieldName}`;
  const cached = picklistCache.get(key);
  if (cached) return cached;
  const file = path.join(METADATA_ROOT, 'objects', objectName, 'fields', `${fieldName}.field-meta.xml`);
  if (!existsSync(file)) throw new Error(`No metadata for ${key} (${path.relative(REPO_ROOT, file)})`);
  const field = (xml.parse(readFileSync(file, 'utf8')) as FieldXml).CustomField;
  if (field?.type !== 'Picklist') throw new Error(`${key} is not a picklist in force-app`);
  let values: string[];
  const globalSet = field.valueSet?.valueSetName;
  if (globalSet) {
    const setFile = path.join(METADATA_ROOT, 'globalValueSets', `${globalSet}.globalValueSet-meta.xml`);
    const set = (xml.parse(readFileSync(setFile, 'utf8')) as GlobalValueSetXml).GlobalValueSet;
    values = (set?.customValue ?? []).map((v) => v.fullName ?? '');
  } else {
    values = (field.valueSet?.valueSetDefinition?.value ?? []).map((v) => v.fullName ?? '');
  }
  values = values.filter((v) => v !== '');
  if (values.length === 0) throw new Error(`${key} has no picklist values in force-app`);
  picklistCache.set(key, values);
  return values;
}
