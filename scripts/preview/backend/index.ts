/**
 * The preview's backend: the local RelationshipMapController over a store persisted in a JSON
 * file. The preview server calls `invoke` for every `@salesforce/apex/RelationshipMapController.*`
 * call the component makes, and answers as Aura would: the DTO as JSON (null properties left
 * out), or a PreviewApexError whose `body.message` is the Apex sentence.
 */
import { DEFAULT_DATA_DIR } from '../../data/sampleData.ts';
import { LocalController, PreviewApexError, type Permission } from './controller.ts';
import { CONTROLLER_METHODS, isControllerMethod, readParams } from './params.ts';
import { addSynthetic, buildStore, readStore, writeStore, type StoreData } from './store.ts';

export { PreviewApexError, CONTROLLER_METHODS };
export type { Permission };

export interface PreviewBackendOptions {
  /** JSON file the store persists to. */
  storeFile: string;
  /** Ignore the file and start from the sample data again. */
  reset?: boolean;
  /** Default: <repo>/data. */
  dataDir?: string;
  /** Adds an account "Synthetic Corp (N people)" with one map of N generated people. */
  synthetic?: { people: number; seed?: number };
  /** Which permission set the preview user holds (default user). */
  permission?: Permission;
  now?: () => Date;
  /**
   * The preview user's time zone (IANA name), for the times in sentences such as "Dana changed this
   * person at 10:42" (Apex formats them in the user's Salesforce time zone). Default: this machine's.
   */
  timeZone?: string;
}

export interface PreviewAccount {
  id: string;
  name: string;
  industry?: string;
  city?: string;
  ownerName?: string;
  mapCount: number;
  peopleCount: number;
}

export interface PreviewBackend {
  /** The accounts, for the page's account switcher (sample order, synthetic last). */
  accounts(): PreviewAccount[];
  /** The user the preview runs as. */
  currentUser(): { id: string; name: string };
  /** Runs a controller method; rejects with PreviewApexError as the Apex would. */
  invoke(method: string, params: Record<string, unknown>): Promise<unknown>;
  /** Back to the sample data (and the synthetic account, if asked for); the file is rewritten. */
  reset(): Promise<void>;
  /** Set when the store file could not be used and the sample data was loaded instead. */
  readonly notice: string | undefined;
  /** Where the data came from: "sample data", "sample data + 1,000 synthetic people". */
  readonly source: string;
  /** The store as it is now, and the clock: what the Reports page runs over (read it, never change it). */
  snapshot(): { store: Readonly<StoreData>; now: Date };
}

/** Methods that only read: they never write the store file. */
const READ_ONLY_METHODS = new Set([
  'getMapsForAccount',
  'loadMapGraph',
  'searchPeople',
  'countEveryone',
  'getPersonDetails',
  'getEvidence',
]);

/** Aura leaves null properties out of the JSON it sends; so does the preview. */
function asAura(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asAura);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      if (item !== null && item !== undefined) result[key] = asAura(item);
    return result;
  }
  return value;
}

export function openPreviewBackend(options: PreviewBackendOptions): Promise<PreviewBackend> {
  const now = options.now ?? (() => new Date());
  const permission = options.permission ?? 'user';
  if (!['user', 'admin', 'read-only'].includes(permission)) {
    // not-a-sentence: a programming error of the caller (npm start validates --as first)
    return Promise.reject(new Error(`permission must be user, admin or read-only, not "${String(permission)}"`));
  }
  const fresh = (): StoreData => {
    const store = buildStore(options.dataDir ?? DEFAULT_DATA_DIR, now());
    if (options.synthetic) addSynthetic(store, options.synthetic, now());
    return store;
  };
  let notice: string | undefined;
  let store: StoreData;
  try {
    if (options.reset) {
      store = fresh();
    } else {
      const read = readStore(options.storeFile);
      notice = read.notice;
      store = read.store ?? fresh();
      // A synthetic account asked for now joins the saved store (the edits there are kept).
      if (options.synthetic) addSynthetic(store, options.synthetic, now());
    }
    writeStore(options.storeFile, store);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  const backend: PreviewBackend = {
    get notice() {
      return notice;
    },
    get source() {
      return store.source;
    },
    snapshot() {
      return { store, now: now() };
    },
    accounts() {
      return store.accounts.map((account) => {
        const maps = store.maps.filter((m) => m.accountId === account.id);
        const mapIds = new Set(maps.map((m) => m.id));
        return asAura({
          id: account.id,
          name: account.name,
          industry: account.industry,
          city: account.city,
          ownerName: store.users.find((u) => u.id === account.ownerId)?.name,
          mapCount: maps.length,
          peopleCount: store.people.filter((p) => mapIds.has(p.mapId) && !p.excluded).length,
        }) as PreviewAccount;
      });
    },
    currentUser() {
      const user = store.users.find((u) => u.id === store.currentUserId);
      return { id: store.currentUserId, name: user?.name ?? 'Preview user' };
    },
    invoke(method, params) {
      if (!isControllerMethod(method)) {
        // not-a-sentence: a request no component of ours makes (the platform refuses it in its own words)
        return Promise.reject(
          new PreviewApexError(
            `RelationshipMapController has no method "${method}". Its methods: ${CONTROLLER_METHODS.join(', ')}.`,
            404
          )
        );
      }
      if (params === null || typeof params !== 'object' || Array.isArray(params)) {
        // not-a-sentence: a request no component of ours makes (the platform refuses it in its own words)
        return Promise.reject(new PreviewApexError('The parameters must be a JSON object, e.g. { "mapId": "a0R…" }.'));
      }
      let args: Record<string, unknown>;
      try {
        args = readParams(method, params);
      } catch (error) {
        return Promise.reject(new PreviewApexError((error as Error).message));
      }
      // Like an Apex transaction: a call that fails leaves the store as it was.
      const before = READ_ONLY_METHODS.has(method) ? null : structuredClone(store);
      const controller = new LocalController(store, permission, now, undefined, options.timeZone);
      try {
        const result = (controller[method] as (p: Record<string, unknown>) => unknown).call(controller, args);
        if (controller.dirty) writeStore(options.storeFile, store);
        return Promise.resolve(asAura(result));
      } catch (error) {
        if (before) store = before;
        if (error instanceof PreviewApexError) return Promise.reject(error);
        // A bug of the preview, not an Apex error: say so, as the controller's generic sentence would.
        const message = error instanceof Error ? error.message : String(error);
        // not-a-sentence: a bug of the preview itself, which the Apex does not have
        return Promise.reject(new PreviewApexError(`The preview's controller failed in ${method}: ${message}`, 500));
      }
    },
    reset() {
      try {
        store = fresh();
        notice = undefined;
        writeStore(options.storeFile, store);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
  return Promise.resolve(backend);
}
