/**
 * For the container's tests: `jest.mock('c/relationshipMapApi', () => …mockApex([...]))` gives the
 * real module with the named Apex functions replaced by jest.fn() (each test sets the answers).
 * Imports nothing, so the mock factory can load it before any component.
 */
export function mockApex(names: readonly string[]): object {
  return {
    ...jest.requireActual<object>('c/relationshipMapApi'),
    ...Object.fromEntries(names.map((name) => [name, jest.fn()])),
  };
}
