/**
 * Moved to c/relationshipMapLook (relationshipMapLook/geometry.ts), so that the org chart draws a person
 * from the same definition: another component can import only a library's main file. The graph's
 * modules keep importing './geometry'.
 */
export * from 'c/relationshipMapLook';
