/**
 * The parameters of each RelationshipMapController method, typed as the Apex signature types them,
 * and what the Aura framework does before Apex runs: a missing parameter arrives as null, a value
 * that does not fit the Apex type (an Id that is not an Id, text where a Boolean goes, an unknown
 * property of a DTO) fails the call before the method starts. Ids arrive as 18 characters whether
 * they were sent with 15 or 18.
 */
import { checksum } from '../../shared/ids.ts';

/** A parameter's Apex type. */
type Kind =
  | 'Id'
  | 'String'
  | 'Boolean'
  | 'Date'
  | 'Decimal'
  | 'Integer'
  | 'Map<String,Object>'
  | { list: Kind }
  | { dto: string; properties: Record<string, Kind> };

const NEW_MAP: Kind = {
  dto: 'RelationshipMapDtos.NewMap',
  properties: {
    accountId: 'Id',
    name: 'String',
    goal: 'String',
    accountGoal: 'String',
    targetDate: 'Date',
    status: 'String',
    includeEveryone: 'Boolean',
  },
};
const NEW_PERSON: Kind = { dto: 'RelationshipMapDtos.NewPerson', properties: { recordId: 'Id', side: 'String' } };
const LINK_INPUT: Kind = {
  dto: 'RelationshipMapDtos.LinkInput',
  properties: {
    id: 'Id',
    fromId: 'Id',
    toId: 'Id',
    type: 'String',
    strength: 'String',
    notes: 'String',
    version: 'String',
  },
};
const PERSON_POSITION: Kind = {
  dto: 'RelationshipMapDtos.PersonPosition',
  properties: { personId: 'Id', layoutX: 'Decimal', layoutY: 'Decimal' },
};

/** Every @AuraEnabled method of RelationshipMapController with its parameters, in signature order. */
export const SIGNATURES = {
  getMapsForAccount: { accountId: 'Id' },
  loadMapGraph: { mapId: 'Id' },
  createMap: { newMap: NEW_MAP },
  addPeople: { mapId: 'Id', people: { list: NEW_PERSON } },
  addEveryone: { mapId: 'Id' },
  countEveryone: { mapId: 'Id' },
  setPeopleExcluded: { mapId: 'Id', personIds: { list: 'Id' }, excluded: 'Boolean' },
  deletePeople: { mapId: 'Id', personIds: { list: 'Id' } },
  saveLinks: { mapId: 'Id', links: { list: LINK_INPUT } },
  deleteLinks: { mapId: 'Id', linkIds: { list: 'Id' } },
  savePositions: { mapId: 'Id', positions: { list: PERSON_POSITION } },
  updatePerson: { personId: 'Id', changes: 'Map<String,Object>', version: 'String', seen: 'Map<String,Object>' },
  getPersonDetails: { personId: 'Id' },
  logCall: { personId: 'Id', subject: 'String', comments: 'String', stance: 'String', sentiment: 'String' },
  searchPeople: { mapId: 'Id', searchText: 'String' },
  getEvidence: { mapId: 'Id', windowMonths: 'Integer' },
  dismissSuggestion: { mapId: 'Id', key: 'String' },
} as const satisfies Record<string, Record<string, Kind>>;

export type ControllerMethod = keyof typeof SIGNATURES;
export const CONTROLLER_METHODS = Object.keys(SIGNATURES) as ControllerMethod[];

export const isControllerMethod = (method: string): method is ControllerMethod =>
  Object.prototype.hasOwnProperty.call(SIGNATURES, method);

const typeName = (kind: Kind): string =>
  typeof kind === 'string' ? kind : 'list' in kind ? `List<${typeName(kind.list)}>` : kind.dto;

/** The 18-character form of an Id, or null when `value` is not a Salesforce Id. */
export function toId18(value: string): string | null {
  if (/^[a-zA-Z0-9]{18}$/.test(value)) return checksum(value.slice(0, 15)) === value.slice(15) ? value : null;
  if (/^[a-zA-Z0-9]{15}$/.test(value)) return value + checksum(value);
  return null;
}

const isDate = (value: string): boolean => {
  const day = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
};

class Misfit extends Error {}

/** The value as Apex receives it; throws Misfit (with where and why) when it does not fit. */
// not-a-sentence: the parts of the Aura framework's own message for a parameter value, as the platform words them
function convert(kind: Kind, value: unknown, where: string): unknown {
  if (value === null || value === undefined) return null;
  const misfit = (why: string): never => {
    throw new Misfit(`${where}: ${why}`);
  };
  if (typeof kind !== 'string') {
    if ('list' in kind) {
      if (!Array.isArray(value)) return misfit(`expected a list, got ${describe(value)}`);
      return value.map((item, i) => convert(kind.list, item, `${where}[${i}]`));
    }
    if (typeof value !== 'object' || Array.isArray(value)) return misfit(`expected an object, got ${describe(value)}`);
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const property = kind.properties[key];
      if (!property) return misfit(`${kind.dto} has no property "${key}"`);
      result[key] = convert(property, item, `${where}.${key}`);
    }
    for (const key of Object.keys(kind.properties)) result[key] ??= null;
    return result;
  }
  switch (kind) {
    case 'Id':
      // An empty Id arrives as null (the Apex method then says what is missing).
      if (value === '') return null;
      return (typeof value === 'string' && toId18(value)) || misfit(`${describe(value)} is not a record Id`);
    case 'String':
      return typeof value === 'string' ? value : misfit(`expected text, got ${describe(value)}`);
    case 'Boolean':
      return typeof value === 'boolean' ? value : misfit(`expected true or false, got ${describe(value)}`);
    case 'Date':
      return typeof value === 'string' && isDate(value)
        ? value
        : misfit(`${describe(value)} is not a date (YYYY-MM-DD)`);
    case 'Decimal':
      return typeof value === 'number' && Number.isFinite(value)
        ? value
        : misfit(`expected a number, got ${describe(value)}`);
    case 'Integer':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2147483647
        ? value
        : misfit(`expected a whole number, got ${describe(value)}`);
    case 'Map<String,Object>':
      return typeof value === 'object' && !Array.isArray(value)
        ? value
        : misfit(`expected an object, got ${describe(value)}`);
  }
}

const describe = (value: unknown): string => {
  const json = JSON.stringify(value);
  return json === undefined ? typeof value : json.length > 60 ? `${json.slice(0, 57)}...` : json;
};

/**
 * The parameters of `method` as Apex receives them. Throws `Error` with the framework's message
 * (and where the value went wrong) for an unknown parameter or a value its Apex type cannot hold.
 */
// not-a-sentence: the Aura framework's own messages for a bad parameter, as the platform words them
export function readParams(method: ControllerMethod, params: Record<string, unknown>): Record<string, unknown> {
  const signature: Record<string, Kind> = SIGNATURES[method];
  const unknown = Object.keys(params).filter((name) => !(name in signature));
  if (unknown.length) {
    throw new Error(
      `RelationshipMapController.${method} has no parameter ${unknown.map((n) => `"${n}"`).join(', ')}; ` +
        `its parameters are ${Object.keys(signature).join(', ')}.`
    );
  }
  const result: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(signature)) {
    try {
      result[name] = convert(kind, params[name], name);
    } catch (error) {
      if (!(error instanceof Misfit)) throw error;
      throw new Error(
        `Value provided is invalid for action parameter '${name}' of type '${typeName(kind)}' (${error.message}).`,
        { cause: error }
      );
    }
  }
  return result;
}
