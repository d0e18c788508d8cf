/**
 * The preview's backend: the local RelationshipMapController over a store persisted in a JSON
 * file. The preview server calls `invoke` for every `@salesforce/apex/RelationshipMapController.*`
 * call the component makes.
 */
import { DEFAULT_DATA_DIR } from '../../data/sampleData.ts';
import {
  CONTROLLER_METHODS,
  LocalController,
  PreviewApexError,
  type ControllerMethod,
  type Permission,
} from './controller.ts';
import { buildStore, readStore, writeStore, type StoreData } from './store.ts';

export { PreviewApexError, CONTROLLER_METHODS };

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
  accounts(): PreviewAccount[];
  currentUser(): { id: string; name: string };
  /** Runs a controller method; rejects with PreviewApexError as the Apex would. */
  invoke(method: string, params: Record<string, unknown>): Promise<unknown>;
  /** Back to the sample data; the file is rewritten. */
  reset(): Promise<void>;
  /** Set when the store file could not be used. */
  readonly notice: string | undefined;
}

export function openPreviewBackend(options: PreviewBackendOptions): Promise<PreviewBackend> {
  const now = options.now ?? (() => new Date());
  const permission = options.permission ?? 'user';
  const fresh = (): StoreData => buildStore(options.dataDir ?? DEFAULT_DATA_DIR, now(), options.synthetic);
  let notice: string | undefined;
  let store: StoreData;
  if (options.reset) {
    store = fresh();
  } else {
    const read = readStore(options.storeFile);
    notice = read.notice;
    store = read.store ?? fresh();
    // A synthetic account asked for now but missing from the saved store is added fresh.
    if (options.synthetic && !store.source.includes(`${options.synthetic.people} synthetic`)) store = fresh();
  }
  const save = (): void => writeStore(options.storeFile, store);
  save();
  let controller = new LocalController(store, permission, now, save);

  const backend: PreviewBackend = {
    get notice() {
      return notice;
    },
    accounts() {
      return store.accounts.map((a) => {
        const maps = store.maps.filter((m) => m.accountId === a.id);
        const mapIds = new Set(maps.map((m) => m.id));
        return {
          id: a.id,
          name: a.name,
          industry: a.industry,
          city: a.city,
          ownerName: store.users.find((u) => u.id === a.ownerId)?.name,
          mapCount: maps.length,
          peopleCount: store.people.filter((p) => mapIds.has(p.mapId) && !p.excluded).length,
        };
      });
    },
    currentUser() {
      const user = store.users.find((u) => u.id === store.currentUserId);
      return { id: store.currentUserId, name: user?.name ?? 'Preview user' };
    },
    invoke(method, params) {
      try {
        if (!(CONTROLLER_METHODS as readonly string[]).includes(method)) {
          throw new PreviewApexError(`RelationshipMapController has no method "${method}".`, 404);
        }
        if (params === null || typeof params !== 'object' || Array.isArray(params)) {
          throw new PreviewApexError('The request body must be a JSON object of parameters.');
        }
        const result = (controller[method as ControllerMethod] as (p: Record<string, unknown>) => unknown).call(
          controller,
          params
        );
        // A deep copy: callers never hold references into the store.
        return Promise.resolve(result === undefined ? null : JSON.parse(JSON.stringify(result)));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    reset() {
      store = fresh();
      controller = new LocalController(store, permission, now, save);
      save();
      return Promise.resolve();
    },
  };
  return Promise.resolve(backend);
}
