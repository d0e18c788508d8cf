/**
 * The map's legend: what a stance's fill and letter, a shape, a ring, a badge, a link's line and
 * an activity line (calls, meetings, emails) mean. Colours come from c/relationshipMapTheme, the same source the graph draws with. It takes
 * no data and fires no events; the toolbar shows and hides it.
 */
import { LightningElement } from 'lwc';
import { STANCES } from 'c/relationshipGraph';
import type { LinkType } from 'c/relationshipGraph';
import { BADGE_COLORS } from 'c/relationshipMapLook';
import { EVIDENCE_STYLE, LINK_STYLES, OUR_COLOR, STANCE_STYLES } from 'c/relationshipMapTheme';

const INK = '#3e3e3c';
const WHITE = BADGE_COLORS.white;

/**
 * One entry of "Shape (side)": a 20x20 icon of circles (centred), a square, a polygon and a path,
 * in that order, all outlined in `stroke` at `width`; then what it means.
 */
interface ShapeEntry {
  key: string;
  text: string;
  stroke?: string;
  width?: string;
  circles: { r: string; fill: string; dash?: string }[];
  square?: boolean;
  polygon?: { points: string; fill: string };
  path?: string;
}

const SHAPES: readonly ShapeEntry[] = [
  {
    key: 'circle',
    text: "Circle: the customer's people",
    stroke: INK,
    width: '1.5',
    circles: [{ r: '7', fill: WHITE }],
  },
  { key: 'square', text: 'Square: our own people', stroke: OUR_COLOR, circles: [], square: true },
  {
    key: 'diamond',
    text: 'Diamond: partners',
    stroke: INK,
    width: '1.5',
    circles: [],
    polygon: { points: '10,2 18,10 10,18 2,10', fill: WHITE },
  },
  {
    key: 'rings',
    text: 'Double ring: decision maker',
    stroke: INK,
    width: '1.2',
    circles: [
      { r: '5', fill: WHITE },
      { r: '7', fill: 'none' },
      { r: '9', fill: 'none' },
    ],
  },
  {
    key: 'star',
    text: 'Star: primary contact',
    stroke: INK,
    circles: [],
    polygon: {
      points: '10,2 12.4,7.6 18,8 13.6,11.8 15,17.5 10,14.5 5,17.5 6.4,11.8 2,8 7.6,7.6',
      fill: BADGE_COLORS.star,
    },
  },
  {
    key: 'vacant',
    text: 'Dashed outline: vacant seat (the person left)',
    stroke: INK,
    width: '1.5',
    circles: [{ r: '7', fill: WHITE, dash: '4 3' }],
  },
  {
    key: 'gap',
    text: 'Red triangle: coverage gap (a key person we do not reach well)',
    circles: [],
    polygon: { points: '10,3 17,16 3,16', fill: BADGE_COLORS.gap },
  },
  {
    key: 'stale',
    text: 'Clock: stale (no interaction or stance review for a while)',
    stroke: INK,
    width: '1.5',
    circles: [{ r: '7', fill: WHITE }],
    path: 'M10,5V10H14',
  },
];

export default class RelationshipMapLegend extends LightningElement {
  get stances() {
    return STANCES.map((stance) => ({
      key: stance,
      label: stance,
      letter: STANCE_STYLES[stance].letter,
      description: STANCE_STYLES[stance].description,
      style: `background-color: ${STANCE_STYLES[stance].color}; color: ${STANCE_STYLES[stance].textColor};`,
    }));
  }

  /**
   * One entry per link type, then activity evidence: a dotted line of its own colour, a little
   * thicker and round-capped, no arrow (as the graph draws it).
   */
  get links() {
    const typed = (Object.keys(LINK_STYLES) as LinkType[]).map((type) => {
      const style = LINK_STYLES[type];
      return {
        key: type,
        dataId: undefined as string | undefined,
        label: type,
        description: style.description,
        color: style.color,
        dash: style.dash || 'none',
        arrow: style.arrow,
        x1: '2',
        x2: '36',
        width: '2',
        cap: 'butt',
      };
    });
    const evidence = {
      key: 'evidence',
      dataId: 'legend-evidence',
      label: EVIDENCE_STYLE.label,
      description: EVIDENCE_STYLE.description,
      color: EVIDENCE_STYLE.color,
      dash: EVIDENCE_STYLE.dash,
      arrow: false,
      x1: '3',
      x2: '37',
      width: '2.5',
      cap: 'round',
    };
    return [...typed, evidence];
  }

  get shapes(): readonly ShapeEntry[] {
    return SHAPES;
  }
}
