/**
 * What the name placement (labels.ts) is given for the scene: each person's picture size, name,
 * priority and whether they keep their name; and how wide a name is drawn (measured on a canvas
 * where the browser has one, estimated elsewhere). Both renderers draw the one placement made from
 * these, so a map drawn as SVG and one painted on a canvas hide the same names.
 */
import { ringGap, shapeExtent } from './geometry';
import { badgesOf, displayName } from './look';
import { estimateWidth, labelPriority } from './labels';
import type { LabelInput } from './labels';
import type { GraphNode, Scene } from './scene';
import type { SceneStates } from './states';

/** Reach of a badge's marks beyond its centre (the star's points). */
const BADGE_REACH = 7;
/** The most influential share of people keep their names (with decision makers and the selection's neighbours). */
const KEEP_SHARE = 0.1;

/** How far a person's picture (shape, rings, badges) reaches from their centre, in map units. */
export function pictureReach(d: GraphNode): number {
  let reach = shapeExtent(d.shape, d.radius) + ringGap(d);
  for (const badge of badgesOf(d))
    reach = Math.max(reach, Math.abs(badge.x) + BADGE_REACH, Math.abs(badge.y) + BADGE_REACH);
  return reach;
}

/** The placement's input for everyone in the scene, in the current states. */
export function labelInputs(
  scene: Scene,
  states: SceneStates,
  influence: Readonly<Record<string, number>>
): LabelInput[] {
  const neighbours = states.selectedId ? scene.neighbours.get(states.selectedId) : undefined;
  const influences = scene.nodes.map((n) => influence[n.id] ?? 0).sort((a, b) => b - a);
  const keepFrom = influences[Math.floor(influences.length * KEEP_SHARE)] ?? Infinity;
  return scene.nodes.map((d) => {
    const emphasised = states.emphasised(d);
    const neighbour = neighbours?.has(d.id) === true;
    const decisionMaker = d.person.isDecisionMaker === true;
    const value = influence[d.id] ?? 0;
    return {
      id: d.id,
      x: d.x ?? 0,
      y: d.y ?? 0,
      reach: pictureReach(d),
      text: displayName(d.person),
      bold: emphasised,
      priority: labelPriority({ emphasised, neighbour, decisionMaker }, value),
      keep: emphasised || neighbour || decisionMaker || (value > 0 && value >= keepFrom),
    };
  });
}

/** Width in px of a name drawn at `px` (bold or not). */
export type MeasureText = (text: string, px: number, bold: boolean) => number;

/**
 * Measures names as the SVG draws them: a canvas's measureText in the map's font family (widths
 * cached by family and text, at 100 px, scaled), or estimateWidth where there is no canvas (jsdom).
 */
export function textMeasurer(): (fontFamily: string) => MeasureText {
  let context: CanvasRenderingContext2D | null | undefined;
  const widths = new Map<string, number>();
  let cachedFamily = '';
  return (family) => {
    if (family !== cachedFamily) {
      widths.clear();
      cachedFamily = family;
    }
    return (text, px, bold) => {
      if (context === undefined) {
        context =
          typeof CanvasRenderingContext2D === 'function' ? document.createElement('canvas').getContext('2d') : null;
      }
      if (!context) return estimateWidth(text, px, bold);
      const key = `${bold ? 'b' : 'n'}${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        context.font = `${bold ? 700 : 400} 100px ${family}`;
        const measured: unknown = context.measureText?.(text)?.width;
        if (typeof measured !== 'number' || !Number.isFinite(measured)) return estimateWidth(text, px, bold);
        width = measured;
        widths.set(key, width);
      }
      return (width * px) / 100;
    };
  };
}
