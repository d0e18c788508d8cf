/**
 * Who reports to whom on a map, once for every view: the graph's layout (placement and forceY)
 * and the org chart read the same managers, cycles broken the same way. Pure; O(people + links).
 */

export interface ReportsTo {
  /** The report (From of a Reports To link). */
  reportId: string;
  /** The manager (To). */
  managerId: string;
}

/** The reporting hierarchy among the people on a map, from its Reports To links. */
export interface ReportingLines {
  /** Each person's one manager (absent for a root): no cycles, both on the map, never oneself. */
  managerOf: Map<string, string>;
  /** Managers above each person: 0 for a root (people in no tree too). */
  depth: Map<string, number>;
  /** People who have a manager or reports. */
  inTree: Set<string>;
  /** The largest depth (0 without Reports To links). */
  maxDepth: number;
  /** Reports whose manager was dropped to break a cycle, sorted. */
  broken: string[];
}

/**
 * One pass over the Reports To links, O(people + links), the same result for the same input:
 * each person's manager is the To of their first link (in the links' order) whose both ends are
 * on the map and differ; a cycle of managers loses its link that comes last in that order (its
 * From becomes a root); depth counts the managers above a person.
 */
export function reportingLines(ids: readonly string[], reports: readonly ReportsTo[]): ReportingLines {
  // Bad input never throws: entries that are not a pair of ids are skipped.
  const onMap = new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  const managerOf = new Map<string, string>();
  const linkOrder = new Map<string, number>();
  (Array.isArray(reports) ? reports : []).forEach((entry: ReportsTo | null | undefined, index) => {
    if (!entry || typeof entry !== 'object') return;
    const { reportId, managerId } = entry;
    if (reportId === managerId || managerOf.has(reportId) || !onMap.has(reportId) || !onMap.has(managerId)) return;
    managerOf.set(reportId, managerId);
    linkOrder.set(reportId, index);
  });
  // Cycles: each person has at most one manager, so a walk up either ends or comes back to itself.
  const state = new Map<string, 'walking' | 'done'>();
  const broken: string[] = [];
  for (const id of onMap) {
    const path: string[] = [];
    let current: string | undefined = id;
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'walking');
      path.push(current);
      current = managerOf.get(current);
    }
    if (current !== undefined && state.get(current) === 'walking') {
      const cycle = path.slice(path.indexOf(current));
      let last = cycle[0];
      for (const member of cycle) if (linkOrder.get(member)! > linkOrder.get(last)!) last = member;
      managerOf.delete(last);
      broken.push(last);
    }
    for (const member of path) state.set(member, 'done');
  }
  const depth = new Map<string, number>();
  let maxDepth = 0;
  for (const id of onMap) {
    const path: string[] = [];
    let current: string | undefined = id;
    while (current !== undefined && !depth.has(current)) {
      path.push(current);
      current = managerOf.get(current);
    }
    let d = current === undefined ? -1 : depth.get(current)!;
    for (let k = path.length - 1; k >= 0; k--) depth.set(path[k], ++d);
    maxDepth = Math.max(maxDepth, d);
  }
  const inTree = new Set<string>();
  for (const [report, manager] of managerOf) {
    inTree.add(report);
    inTree.add(manager);
  }
  return { managerOf, depth, inTree, maxDepth, broken: broken.sort() };
}
