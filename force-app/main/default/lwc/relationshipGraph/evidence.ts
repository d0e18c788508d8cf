/**
 * Activity evidence (issue 17): what the org's calls, meetings and emails say about who of ours
 * knows whom of theirs. The controller groups activities into buckets (`MapEvidence`); this module
 * sums them into ties, turns a tie's score into a link strength, and derives what the map suggests.
 * docs/analytics.md has the formula and a worked example.
 *
 * Types first: the component, the graph and the preview read these; the functions below them are
 * the analytics'.
 */
import type { LinkStrength } from './model';

/** What the activities between one of our users and one contact add up to over the window. */
export interface EvidenceTie {
  /** Our person: the activities' owner (User Id). */
  userId: string;
  /** Their person (Contact Id). */
  contactId: string;
  /** The live (not excluded, not vacant) MapPerson holding `userId`, or null when not on the map. */
  ourPersonId: string | null;
  /** The live MapPerson holding `contactId`, or null when not on the map. */
  theirPersonId: string | null;
  meetings: number;
  calls: number;
  emails: number;
  /** The latest activity, `YYYY-MM-DD`. */
  lastDate: string;
  /** Σ kind weight × count × ½^(age in days of the bucket's middle ÷ half-life). */
  score: number;
  /** The link strength the score amounts to; null below the weakest level (not a relationship). */
  strength: LinkStrength | null;
  /** "12 meetings, 30 emails, last 3 days ago" (kinds with no activity left out). */
  summary: string;
}

/** A Relationship link the evidence suggests between two people on the map. */
export interface LinkSuggestion {
  /** `link:<userId>:<contactId>`: what a dismissal remembers. */
  key: string;
  /** MapPerson ids: ours (From) and theirs (To). */
  ourPersonId: string;
  theirPersonId: string;
  tie: EvidenceTie;
  /** "Dana Reyes has met Lee Park 12 times in 6 months — add a Relationship link?" */
  sentence: string;
}

/** A contact or one of our users the evidence says belongs on the map. */
export interface PersonSuggestion {
  /** `person:<recordId>`. */
  key: string;
  /** Contact or User Id: pass it to addPeople as NewPerson.recordId. */
  recordId: string;
  isUser: boolean;
  name: string;
  title: string | null;
  department: string | null;
  /** The strongest tie that makes the case. */
  tie: EvidenceTie;
  /** "Priya Shah from Engineering has met their CTO 8 times" / "Our people met Lee Park 9 times…". */
  sentence: string;
}

/** Everything the map shows from the evidence. */
export interface EvidenceAnalysis {
  /** Every tie with a score above zero, strongest first (ties on equal score by userId, contactId). */
  ties: EvidenceTie[];
  /** Ties whose two people are both on the map with a strength: the lines the graph draws. */
  mapTies: EvidenceTie[];
  /** Strong ties on the map with no Relationship link between the two, not dismissed. */
  linkSuggestions: LinkSuggestion[];
  /** People off the map with a tie of at least the offer level, not dismissed, strongest first. */
  personSuggestions: PersonSuggestion[];
  /** MapPerson id → their latest activity (`YYYY-MM-DD`), for customers and partners on the map. */
  lastActivity: Record<string, string>;
  /** The evidence was cut at the bucket limit (counts are lower bounds). */
  truncated: boolean;
  /** Whether coverage and warm paths counted evidence as relationships (the setting). */
  countedAsRelationships: boolean;
}
