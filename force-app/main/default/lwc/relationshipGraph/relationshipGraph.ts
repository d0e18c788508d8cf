/**
 * Relationship analytics: a pure TypeScript module (no DOM, no Salesforce imports) shared by the
 * map component, the local preview and the command-line scripts. See docs/analytics.md.
 *
 *   import { analyzeMap } from 'c/relationshipGraph';
 *   const analysis = analyzeMap({ people, links }, { now: new Date() });
 *
 * Build once, run many: `prepareMap` validates and builds the graph; every analytic takes the
 * prepared map. `analyzeMap` runs them all; `whatIfRemoved` compares a map with one person gone.
 */
export {
  ACTIVITY_KINDS,
  AUTHORITIES,
  COMMUNICATION_STYLES,
  COVERAGES,
  GOAL_IMPACTS,
  LINK_STRENGTHS,
  LINK_TYPES,
  PERSON_PICKLISTS,
  PREFERRED_CHANNELS,
  ROLES,
  SENTIMENTS,
  SIDES,
  STANCES,
  decidesByRole,
  isSupportiveStance,
} from './model';
export type {
  ActivityKind,
  Authority,
  CommunicationStyle,
  Coverage,
  EvidenceBucket,
  EvidencePerson,
  GoalImpact,
  InfluenceLink,
  LinkStrength,
  LinkType,
  MapEvidence,
  MapInput,
  MapPerson,
  PreferredChannel,
  Role,
  Sentiment,
  Side,
  Stance,
} from './model';
export { DEFAULT_CONFIG, resolveConfig } from './semantics';
export type { AnalyticsConfig, ConfigOverrides, EvidenceConfig, HealthConfig, LinkTypeSemantics } from './semantics';
export { prepareMap, validateMap, withEvidence } from './graph';
export type { AnalyticsOptions, PreparedMap } from './graph';
export { parseIsoDate } from './dates';
export type { IssueCode, ValidationIssue } from './issues';
export { lastContactMs } from './people';
export type { Person } from './people';
export type { ResolvedLink } from './links';
export { computeInfluence, influenceFrom, influenceBetween, influenceMatrix, matrixInfluence } from './influence';
export type { InfluenceMatrix, InfluenceReach, InfluenceResult, PersonInfluence } from './influence';
export { findWarmPaths, formatStrength } from './paths';
export type { DecisionMakerPaths, PathStatus, PathStep, WarmPath } from './paths';
export { findCoverageGaps } from './coverage';
export type { CoverageReason, CoverageReasonCode, CoverageResult, KeyPersonCoverage } from './coverage';
export { computeHealth, KEY_FIELDS } from './health';
export type { HealthComponent, HealthComponentKey, HealthReport, KeyField } from './health';
// Issue 16: the health gate and state, stale people by the Is_Stale__c rule (CreatedDate), vacant
// decision-maker seats.
export { decisionMakerSeats, findStalePeople, healthGate, isStale, daysSinceLastTouch, supportsUs } from './health';
export type { HealthGate, HealthGateBlocker, HealthState, StalePerson } from './health';
// Issue 16: the decision-maker strip (one row per decision-maker seat, unsupported first).
export { summarizeDecisionMakers } from './decisionMakers';
export type { DecisionMakerSummary } from './decisionMakers';
// Issue 16: pairs in conflict on a chain of people.
export { conflictsAmong } from './paths';
export { planGoalEffects } from './goals';
export type { GoalEffect, GoalPlan } from './goals';
export { analyzeMap, analyzePrepared, lostBestPaths, whatIfRemoved } from './analysis';
export type {
  InfluenceChange,
  MapAnalysis,
  PathChange,
  PrimaryContactStatus,
  VacantSeatRisk,
  WhatIfResult,
} from './analysis';
export { reportingLines } from './reportingLines';
export type { ReportingLines, ReportsTo } from './reportingLines';
// Issue 17: activity evidence (calls, meetings, emails) as ties, suggestions and last activity.
export {
  analyzeEvidence,
  bucketScore,
  evidenceLinkId,
  evidenceScore,
  lastWords,
  linkSuggestionKey,
  personSuggestionKey,
  readEvidence,
  strengthOfScore,
  summarizeTie,
} from './evidence';
export type { EvidenceAnalysis, EvidenceTie, LinkSuggestion, PersonSuggestion, PreparedEvidence } from './evidence';
export { monthsSince } from './suggestions';
