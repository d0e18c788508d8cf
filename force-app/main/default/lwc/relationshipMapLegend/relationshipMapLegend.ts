/**
 * The map's legend: what a stance's fill and letter, a shape, a ring, a badge and a link's line
 * mean. Colours come from c/relationshipMapTheme, the same source the graph draws with. It takes
 * no data and fires no events; the toolbar shows and hides it.
 */
import { LightningElement } from 'lwc';
import { STANCES } from 'c/relationshipGraph';
import type { LinkType } from 'c/relationshipGraph';
import { LINK_STYLES, OUR_COLOR, STANCE_STYLES } from 'c/relationshipMapTheme';

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

  get links() {
    return (Object.keys(LINK_STYLES) as LinkType[]).map((type) => {
      const style = LINK_STYLES[type];
      return {
        key: type,
        label: type,
        description: style.description,
        color: style.color,
        dash: style.dash || 'none',
        arrow: style.arrow,
      };
    });
  }

  get ourColor(): string {
    return OUR_COLOR;
  }
}
