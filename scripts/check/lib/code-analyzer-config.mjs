// @ts-check
/**
 * What the code-analyzer check runs, and how strictly: rule selectors, severity
 * overrides and engine settings for @salesforce/code-analyzer-core (v5).
 *
 * The configuration is built in code rather than read from a code-analyzer.yml:
 * the log folder depends on where the check writes its output, and the core
 * does not need a file. Everything a reviewer might question lives here.
 */
import { availableParallelism } from 'node:os';
import { CodeAnalyzerConfig, SeverityLevel } from '@salesforce/code-analyzer-core';

/**
 * Rule selectors for PMD and the regex engine (run together, in process).
 * `engine:tag` intersects; separate entries are unioned.
 * - pmd:Security, pmd:AppExchange: the rules AppExchange security review cares about.
 * - pmd:Performance: SOQL/DML in loops, eager describes, debug statements...
 * - regex: all of the regex engine's built-in rules (API versions, heap-size calls in loops, ...).
 */
export const PMD_REGEX_SELECTORS = ['pmd:Security', 'pmd:AppExchange', 'pmd:Performance', 'regex'];

/**
 * Rule selectors for Salesforce Graph Engine (run in its own process, see
 * code-analyzer-sfge-worker.mjs): its Security rules (ApexFlsViolation,
 * DatabaseOperationsMustUseWithSharing) and ApexNullPointerException.
 */
export const SFGE_SELECTORS = ['sfge:(Security,ApexNullPointerException)'];

/**
 * Severity a violation needs to fail the check (1 Critical, 2 High). Lower
 * severities (3 Moderate, 4 Low, 5 Info) go to the report only.
 */
export const FAILING_SEVERITY = SeverityLevel.High;

/**
 * Rules raised to High so that they fail the build. AppExchange security
 * review rejects these outright, but PMD 7 / code-analyzer-pmd-engine 0.45.0
 * ships them as Moderate (3).
 * Already High or Critical without an override: ApexCRUDViolation (2),
 * ApexSOQLInjection (2), ApexCSRF (1), ApexXSS* (2), sfge ApexFlsViolation (2),
 * sfge DatabaseOperationsMustUseWithSharing (2).
 * @type {Record<string, Record<string, { severity: SeverityLevel }>>}
 */
export const SEVERITY_OVERRIDES = {
  pmd: {
    // Record access without a declared sharing model runs in system context.
    ApexSharingViolations: { severity: SeverityLevel.High },
    // Secrets in source are readable by every subscriber org admin.
    AvoidHardcodedCredentialsInFieldDecls: { severity: SeverityLevel.High },
    AvoidHardcodedCredentialsInHttpHeader: { severity: SeverityLevel.High },
    AvoidHardcodedCredentialsInVarAssign: { severity: SeverityLevel.High },
    AvoidHardcodedCredentialsInVarDecls: { severity: SeverityLevel.High },
  },
};

/**
 * Graph Engine limits. Heap: sfge is memory hungry (~3 GB measured on a
 * 140-class project); the value is passed as -Xmx. Thread timeout: per entry
 * point path, in ms (sfge reports a Timeout when exceeded). Run timeout: the
 * whole Graph Engine process (Java included) is killed after this many ms and
 * the check fails with an engine error.
 */
export const SFGE_LIMITS = {
  javaMaxHeapSize: '3g',
  javaThreadCount: Math.max(2, availableParallelism()),
  javaThreadTimeoutMs: 60_000,
  runTimeoutMs: 15 * 60_000,
};

/**
 * @typedef {object} ConfigOptions
 * @property {string} projectDir root of the SFDX project (config_root)
 * @property {string} logFolder existing folder for the engines' log files
 * @property {boolean} [graphEngine] configure sfge (only in the sfge worker)
 */

/**
 * The CodeAnalyzerConfig both runs use. Inline suppression markers
 * (code-analyzer-suppress) are disabled: a comment in the code must not be able
 * to silence a security finding; reviewed exceptions belong in this file.
 * @param {ConfigOptions} options
 */
export function buildConfig({ projectDir, logFolder, graphEngine = false }) {
  return CodeAnalyzerConfig.fromObject(
    {
      config_root: projectDir,
      log_folder: logFolder,
      suppressions: { disable_suppressions: true },
      rules: SEVERITY_OVERRIDES,
      engines: {
        // The PMD plugin also brings the copy-paste detector; we do not run it.
        cpd: { disable_engine: true },
        ...(graphEngine
          ? {
              sfge: {
                java_max_heap_size: SFGE_LIMITS.javaMaxHeapSize,
                java_thread_count: SFGE_LIMITS.javaThreadCount,
                java_thread_timeout: SFGE_LIMITS.javaThreadTimeoutMs,
              },
            }
          : {}),
      },
    },
    projectDir
  );
}
