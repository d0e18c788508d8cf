// Types for the parts of d3-hierarchy 3.1 that c/d3 re-exports (the package ships no types and
// @types/d3-hierarchy is not installed). Keep these minimal and accurate: they follow the
// package's documented API (https://d3js.org/d3-hierarchy); a wrong declaration here hides a
// real error from tsc.
declare module 'd3-hierarchy' {
  export interface HierarchyNode<Datum> {
    data: Datum;
    /** 0 for the root, one more for each generation. */
    readonly depth: number;
    /** 0 for leaves, the greatest distance to a descendant leaf otherwise. */
    readonly height: number;
    parent: this | null;
    /** Absent on leaves. */
    children?: this[] | undefined;
    /** The id given by stratify's id accessor. */
    readonly id?: string | undefined;
    /** This node and its descendants, in breadth-first order. */
    descendants(): this[];
    leaves(): this[];
    ancestors(): this[];
    /** Sorts every node's children, in place (before a layout). */
    sort(compare: (a: this, b: this) => number): this;
    eachBefore(callback: (node: this, index: number) => void): this;
    eachAfter(callback: (node: this, index: number) => void): this;
  }

  export interface HierarchyPointNode<Datum> extends HierarchyNode<Datum> {
    x: number;
    y: number;
  }

  export interface StratifyOperator<Datum> {
    /** Throws on a missing parent, several roots, a cycle or a duplicate id. */
    (data: readonly Datum[]): HierarchyNode<Datum>;
    id(id: (d: Datum, i: number, data: readonly Datum[]) => string | null | undefined): this;
    parentId(parentId: (d: Datum, i: number, data: readonly Datum[]) => string | null | undefined): this;
  }

  export function stratify<Datum>(): StratifyOperator<Datum>;

  export interface TreeLayout<Datum> {
    (root: HierarchyNode<Datum>): HierarchyPointNode<Datum>;
    /** Fixed spacing: [horizontal distance of neighbours, vertical distance of generations]. */
    nodeSize(size: [number, number]): this;
    size(size: [number, number]): this;
    separation(separation: (a: HierarchyPointNode<Datum>, b: HierarchyPointNode<Datum>) => number): this;
  }

  export function tree<Datum>(): TreeLayout<Datum>;

  export function hierarchy<Datum>(
    data: Datum,
    children?: (d: Datum) => Iterable<Datum> | null | undefined
  ): HierarchyNode<Datum>;
}
