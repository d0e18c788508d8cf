/**
 * lightning/navigation for the tests of the person panel's parts: NavigationMixin's Navigate keeps
 * the page reference it was given in `globalThis.navigated`. A part's test mocks the module with it:
 * `jest.mock('lightning/navigation', () => jest.requireActual('…/data/navigation'))`. Not a test itself.
 */
const Navigate = Symbol('Navigate');

const mixin = (Base: new (...args: unknown[]) => object) =>
  class extends Base {
    [Navigate](pageReference: unknown) {
      (globalThis as { navigated?: unknown }).navigated = pageReference;
    }
  };

export const NavigationMixin = Object.assign(mixin, { Navigate });
