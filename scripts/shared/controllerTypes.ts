/**
 * The controller contract, from the component's own typed seam (c/relationshipMapApi): the same
 * TypeScript types the dto-drift check compares with the Apex DTOs, so the preview's answers and
 * the sample data (scripts/data) cannot drift from what Apex returns. Type-only: nothing of the
 * LWC module runs in Node.
 */
export type {
  ActivityKind,
  CreateMapResult,
  EvidenceBucket,
  EvidencePerson,
  MapEvidence,
  EveryoneCount,
  InfluenceLink,
  LinkInput,
  MapGraph,
  MapPerson,
  MapStatus,
  MapSummary,
  NewMap,
  NewPerson,
  PeopleResult,
  PersonCandidate,
  PersonChange,
  PersonChanges,
  PersonPosition,
  RowError,
  SaveResult,
  ChangeField,
  ChangeSource,
} from '../../force-app/main/default/lwc/relationshipMapApi/relationshipMapApi.ts';
