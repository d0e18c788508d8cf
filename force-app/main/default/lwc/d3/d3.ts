/**
 * The parts of D3 the relationship map uses, as one LWC module (`c/d3`).
 *
 * This file names what we use; scripts/build/bundle-d3.mjs bundles those exports from the npm
 * packages (d3-force, d3-selection, d3-zoom, d3-drag, d3-hierarchy) into d3.js, the file that
 * deploys. No D3 code is copied by hand. In Jest, `c/d3` resolves to this file and so to the same npm packages.
 */
export { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
export type { ForceLink, Simulation, SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
export { pointer, select, selectAll } from 'd3-selection';
export type { BaseType, Selection } from 'd3-selection';
export { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
export type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'd3-zoom';
export { drag } from 'd3-drag';
export type { D3DragEvent, DragBehavior } from 'd3-drag';
export { stratify, tree } from 'd3-hierarchy';
export type { HierarchyNode, HierarchyPointNode } from 'd3-hierarchy';
