/**
 * For the container's tests: `jest.mock('c/relationshipMapApi', () => …mockApex())` gives the real
 * module with every Apex call replaced by jest.fn() (each test sets the answers it needs; one it
 * does not set answers undefined); reduceError and the constants stay real. Imports nothing, so the
 * mock factory can load it before any component.
 */
export function mockApex(): object {
  const actual = jest.requireActual<Record<string, unknown>>('c/relationshipMapApi');
  const mocked = Object.entries(actual).map(([name, value]): [string, unknown] => [
    name,
    typeof value === 'function' && name !== 'reduceError' ? jest.fn() : value,
  ]);
  return Object.fromEntries(mocked);
}
