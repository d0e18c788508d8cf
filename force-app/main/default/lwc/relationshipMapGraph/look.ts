/**
 * Moved to c/relationshipMapLook (relationshipMapLook/look.ts), so that the org chart draws a person
 * from the same definition: another component can import only a library's main file. The graph's
 * modules keep importing './look'.
 */
export * from 'c/relationshipMapLook';
