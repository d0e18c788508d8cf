/**
 * A person's look and the geometry it is drawn with, as a library (`c/relationshipMapLook`):
 * look.ts (shape, fill, outline, letter, rings, badges, label and their colours) and geometry.ts
 * (shapes, outlines, letter strokes, link ends, fit), svg.ts (a badge's marks and arrowheads as
 * SVG elements, the view's SVG), and mapView.ts (the base class with the inputs both views take).
 * Defined once here and drawn by the graph (c/relationshipMapGraph) and the org chart
 * (c/relationshipMapOrgChart).
 *
 * A library, not files of the graph: on the platform another component can import only a
 * bundle's main file, and a UI component's main file may export nothing but its class.
 */
export * from './look';
export * from './geometry';
export * from './svg';
export * from './mapView';
