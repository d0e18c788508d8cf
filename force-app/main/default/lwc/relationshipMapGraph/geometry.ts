/**
 * Moved to c/relationshipMapLook (relationshipMapLook/geometry.ts), so that the org chart draws a person
 * from the same definition: another component can import only a library's main file. The graph's
 * modules keep importing './geometry'. Named, not `export *`: the platform compiler refuses `export *`
 * from another module (LWC1507). A new export of geometry.ts that the graph needs is added here too.
 */
export {
  round2,
  shapePath,
  boundaryDistance,
  shapeExtent,
  letterSize,
  LETTER_WEIGHT,
  letterPath,
  starPath,
  trianglePath,
  fitTransform,
  ringGap,
  round1,
  linkEnds,
  traceShape,
} from 'c/relationshipMapLook';
export type { NodeShape, Box, DrawnNode, DrawnLink, PathSink } from 'c/relationshipMapLook';
