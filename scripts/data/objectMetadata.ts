/**
 * The project's custom objects as Salesforce describes them, read from the source metadata
 * (force-app/main/default/objects and globalValueSets): field types, labels, lengths, picklist
 * values and which fields nobody may write. The sample-data validation and the preview backend use
 * it, so both follow the metadata that deploys instead of a copied list of values.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { REPO_ROOT } from '../shared/project.mjs';

export const OBJECTS_DIR = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'objects');
export const VALUE_SETS_DIR = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'globalValueSets');

export interface PicklistValue {
  value: string;
  label: string;
  isDefault: boolean;
}

export interface FieldInfo {
  object: string;
  name: string;
  label: string;
  /** Metadata API type: Text, LongTextArea, Picklist, Checkbox, Date, DateTime, Number, Lookup, MasterDetail, ... */
  type: string;
  /** Text length (Text, LongTextArea, the Name field). */
  length?: number;
  /** Object a Lookup or MasterDetail points to. */
  referenceTo?: string;
  /** Required on save (a master-detail always is). */
  required: boolean;
  /** Active picklist values, in order (Picklist only). */
  picklist?: PicklistValue[];
  /** Formula, roll-up summary or auto number: the platform computes it and nobody writes it. */
  computed: boolean;
}

export interface ObjectInfo {
  name: string;
  fields: Map<string, FieldInfo>;
}

export type ObjectSchema = Map<string, ObjectInfo>;

interface RawValue {
  fullName: string | number;
  label?: string | number;
  default?: boolean;
  isActive?: boolean;
}
interface RawField {
  fullName: string;
  label?: string;
  type?: string;
  length?: number;
  referenceTo?: string;
  required?: boolean;
  formula?: string;
  summaryOperation?: string;
  valueSet?: { valueSetName?: string; valueSetDefinition?: { value?: RawValue[] } };
}

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: true,
  isArray: (name) => name === 'value' || name === 'customValue',
});

const toValues = (raw: RawValue[] | undefined): PicklistValue[] =>
  (raw ?? [])
    .filter((v) => v.isActive !== false)
    .map((v) => ({
      value: String(v.fullName),
      label: String(v.label ?? v.fullName),
      isDefault: v.default === true,
    }));

function readValueSet(valueSetsDir: string, name: string): PicklistValue[] {
  const file = path.join(valueSetsDir, `${name}.globalValueSet-meta.xml`);
  const parsed = xml.parse(readFileSync(file, 'utf8')) as { GlobalValueSet: { customValue?: RawValue[] } };
  return toValues(parsed.GlobalValueSet.customValue);
}

function readField(object: string, file: string, valueSetsDir: string): FieldInfo {
  const raw = (xml.parse(readFileSync(file, 'utf8')) as { CustomField: RawField }).CustomField;
  const type = String(raw.type ?? '');
  const field: FieldInfo = {
    object,
    name: String(raw.fullName),
    label: String(raw.label ?? raw.fullName),
    type,
    required: raw.required === true || type === 'MasterDetail',
    computed: raw.formula !== undefined || type === 'Summary' || type === 'AutoNumber',
  };
  if (raw.length !== undefined) field.length = Number(raw.length);
  if (raw.referenceTo) field.referenceTo = String(raw.referenceTo);
  if (type === 'Picklist' || type === 'MultiselectPicklist') {
    field.picklist = raw.valueSet?.valueSetName
      ? readValueSet(valueSetsDir, raw.valueSet.valueSetName)
      : toValues(raw.valueSet?.valueSetDefinition?.value);
  }
  return field;
}

/** The Name field of a custom object (Text(80) or an auto number). */
function readNameField(object: string, objectDir: string): FieldInfo | undefined {
  const file = path.join(objectDir, `${object}.object-meta.xml`);
  if (!existsSync(file)) return undefined;
  const raw = xml.parse(readFileSync(file, 'utf8')) as {
    CustomObject: { nameField?: { label?: string; type?: string } };
  };
  const nameField = raw.CustomObject.nameField;
  if (!nameField) return undefined;
  const type = String(nameField.type ?? 'Text');
  return {
    object,
    name: 'Name',
    label: String(nameField.label ?? 'Name'),
    type,
    length: 80,
    required: type === 'Text',
    computed: type === 'AutoNumber',
  };
}

const cache = new Map<string, ObjectSchema>();

/**
 * Every object folder under `objectsDir` with its fields (custom objects get their Name field
 * too; standard objects such as Activity list only the custom fields the project adds).
 */
export function loadObjectSchema(objectsDir = OBJECTS_DIR, valueSetsDir = VALUE_SETS_DIR): ObjectSchema {
  const key = `${objectsDir}\n${valueSetsDir}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const schema: ObjectSchema = new Map();
  for (const object of readdirSync(objectsDir).sort()) {
    const objectDir = path.join(objectsDir, object);
    const fieldsDir = path.join(objectDir, 'fields');
    const fields = new Map<string, FieldInfo>();
    const nameField = readNameField(object, objectDir);
    if (nameField) fields.set('Name', nameField);
    if (existsSync(fieldsDir)) {
      for (const file of readdirSync(fieldsDir).filter((f) => f.endsWith('.field-meta.xml'))) {
        const field = readField(object, path.join(fieldsDir, file), valueSetsDir);
        fields.set(field.name, field);
      }
    }
    schema.set(object, { name: object, fields });
  }
  cache.set(key, schema);
  return schema;
}

/** A field of the schema; throws when the metadata lacks it (a contract change nobody followed). */
export function fieldOf(schema: ObjectSchema, object: string, field: string): FieldInfo {
  const info = schema.get(object)?.fields.get(field);
  if (!info) throw new Error(`${object}.${field} is not in the object metadata (force-app/main/default/objects).`);
  return info;
}

/** The active values of a picklist field, in their order. */
export function picklistValues(schema: ObjectSchema, object: string, field: string): string[] {
  return (fieldOf(schema, object, field).picklist ?? []).map((v) => v.value);
}
