/**
 * The local preview's page: what an account manager sees on an Account record page in Lightning
 * Experience (global header, app navigation, highlights panel, tabs Details / Related /
 * Relationship Map), with the real `c-relationship-map` on the Relationship Map tab.
 *
 * Around it, only what a page without an org needs: a banner saying this is sample data, the
 * sample accounts one click away (`?account=<id>`, so a link or a test can open one directly),
 * toasts for `lightning__showtoast` (Lightning's toast container does this in an org) and a note
 * instead of the record page that `lightning/navigation` would open.
 */
import { LightningElement } from 'lwc';

const TABS = [
  { value: 'details', label: 'Details' },
  { value: 'related', label: 'Related' },
  { value: 'map', label: 'Relationship Map' },
];
const DEFAULT_TAB = 'map';

/** How long a toast stays (Lightning's "dismissible" toasts go by themselves; errors stay longer). */
const TOAST_MS = { success: 6000, info: 6000, warning: 10000, error: 12000 };
const TOAST_ICONS = {
  success: 'utility:success',
  info: 'utility:info',
  warning: 'utility:warning',
  error: 'utility:error',
};
const VARIANTS = ['success', 'info', 'warning', 'error'];

const PERMISSION_LABELS = {
  user: 'Relationship Maps User',
  admin: 'Relationship Maps Admin',
  'read-only': 'read only (no edit rights)',
};

const OBJECT_LABELS = { '003': 'Contact', '005': 'User', '001': 'Account' };

let toastCounter = 0;

function queryParams() {
  return new URLSearchParams(window.location.search);
}

function hrefFor(accountId, tab) {
  const params = new URLSearchParams();
  params.set('account', accountId);
  if (tab && tab !== DEFAULT_TAB) params.set('tab', tab);
  return `?${params.toString()}`;
}

function initialsOf(name) {
  return String(name || '?')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}

export default class App extends LightningElement {
  loading = true;
  loadError = null;
  accounts = [];
  currentUser = null;
  permission = 'user';
  source = '';
  storeNotice = null;
  unknownAccountId = null;
  accountId = null;
  tab = DEFAULT_TAB;
  toasts = [];
  resetting = false;
  /** The tab to focus after the next render (arrow keys move between tabs). */
  focusTab = null;

  toastTimers = new Map();
  boundToast = (event) => this.handleToast(event);
  boundNavigate = (event) => this.handleNavigate(event);
  boundPopState = () => this.readLocation();

  connectedCallback() {
    // Toast and navigation events are composed: they cross every shadow boundary up to the page.
    this.template.addEventListener('lightning__showtoast', this.boundToast);
    this.template.addEventListener('preview__navigate', this.boundNavigate);
    window.addEventListener('popstate', this.boundPopState);
    this.loadSession();
  }

  disconnectedCallback() {
    this.template.removeEventListener('lightning__showtoast', this.boundToast);
    this.template.removeEventListener('preview__navigate', this.boundNavigate);
    window.removeEventListener('popstate', this.boundPopState);
    for (const timer of this.toastTimers.values()) clearTimeout(timer);
    this.toastTimers.clear();
  }

  async loadSession() {
    this.loading = true;
    this.loadError = null;
    try {
      const response = await fetch('/preview/accounts', { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`The preview server answered ${response.status} ${response.statusText}.`);
      const session = await response.json();
      this.accounts = Array.isArray(session.accounts) ? session.accounts : [];
      this.currentUser = session.currentUser || null;
      this.permission = session.permission || 'user';
      this.source = session.source || '';
      this.storeNotice = session.notice || null;
      this.readLocation();
    } catch (error) {
      this.loadError =
        error instanceof TypeError
          ? 'The local preview server is not reachable. Start it again with `npm start`.'
          : error.message;
    } finally {
      this.loading = false;
    }
  }

  /** Account and tab from the address (`?account=<id>&tab=details`). */
  readLocation() {
    const params = queryParams();
    const wanted = params.get('account');
    const found = this.accounts.find((a) => a.id === wanted);
    this.unknownAccountId = wanted && !found ? wanted : null;
    this.accountId = found ? found.id : this.accounts.length ? this.accounts[0].id : null;
    const tab = params.get('tab');
    this.tab = TABS.some((t) => t.value === tab) ? tab : DEFAULT_TAB;
  }

  // ------------------------------------------------------------------ page data

  get ready() {
    return !this.loading && !this.loadError;
  }

  get account() {
    return this.accounts.find((a) => a.id === this.accountId) || null;
  }

  get hasAccount() {
    return this.account !== null;
  }

  get noAccounts() {
    return this.ready && this.accounts.length === 0;
  }

  get accountLinks() {
    return this.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      href: hrefFor(a.id, this.tab),
      current: a.id === this.accountId ? 'page' : null,
      className: a.id === this.accountId ? 'preview-account preview-account_current' : 'preview-account',
      facts: a.mapCount === 0 ? 'no map yet' : `${a.peopleCount} people`,
    }));
  }

  get userName() {
    return this.currentUser ? this.currentUser.name : '';
  }

  get userInitials() {
    return initialsOf(this.userName);
  }

  get permissionLabel() {
    return PERMISSION_LABELS[this.permission] || this.permission;
  }

  get sourceText() {
    return this.source ? ` Data: ${this.source}.` : '';
  }

  get highlightFields() {
    const a = this.account;
    if (!a) return [];
    return [
      { key: 'industry', label: 'Industry', value: a.industry || '' },
      { key: 'city', label: 'Billing City', value: a.city || '' },
      { key: 'owner', label: 'Account Owner', value: a.ownerName || '' },
      { key: 'maps', label: 'Relationship Maps', value: String(a.mapCount) },
    ];
  }

  get detailFields() {
    const a = this.account;
    if (!a) return [];
    return [
      { key: 'name', label: 'Account Name', value: a.name },
      { key: 'industry', label: 'Industry', value: a.industry || '' },
      { key: 'city', label: 'Billing City', value: a.city || '' },
      { key: 'owner', label: 'Account Owner', value: a.ownerName || '' },
      { key: 'id', label: 'Account Id', value: a.id },
    ];
  }

  get relatedText() {
    const a = this.account;
    if (!a) return '';
    if (a.mapCount === 0) return 'No relationship maps yet.';
    const maps = a.mapCount === 1 ? '1 relationship map' : `${a.mapCount} relationship maps`;
    return `${maps}, ${a.peopleCount} people on them (excluded people not counted).`;
  }

  // ------------------------------------------------------------------ tabs

  get tabs() {
    return TABS.map((t) => {
      const active = t.value === this.tab;
      return {
        ...t,
        id: `tab-${t.value}`,
        panelId: `panel-${t.value}`,
        href: this.accountId ? hrefFor(this.accountId, t.value) : '#',
        selected: active ? 'true' : 'false',
        tabIndex: active ? '0' : '-1',
        itemClass: active ? 'slds-tabs_default__item slds-is-active' : 'slds-tabs_default__item',
      };
    });
  }

  get isDetailsTab() {
    return this.tab === 'details';
  }

  get isRelatedTab() {
    return this.tab === 'related';
  }

  get isMapTab() {
    return this.tab === 'map';
  }

  get panelLabelledBy() {
    return `tab-${this.tab}`;
  }

  handleTabClick(event) {
    event.preventDefault();
    this.selectTab(event.currentTarget.dataset.tab);
  }

  handleTabKeydown(event) {
    const index = TABS.findIndex((t) => t.value === this.tab);
    let next = null;
    if (event.key === 'ArrowRight') next = TABS[(index + 1) % TABS.length];
    else if (event.key === 'ArrowLeft') next = TABS[(index + TABS.length - 1) % TABS.length];
    if (!next) return;
    event.preventDefault();
    this.selectTab(next.value);
    // The new tab takes the focus after it renders (roving tabindex, as SLDS tabs do).
    this.focusTab = next.value;
  }

  selectTab(tab) {
    if (!TABS.some((t) => t.value === tab) || tab === this.tab) return;
    this.tab = tab;
    if (this.accountId) window.history.pushState(null, '', hrefFor(this.accountId, tab));
  }

  renderedCallback() {
    if (this.focusTab) {
      const tab = this.template.querySelector(`[data-tab="${this.focusTab}"]`);
      this.focusTab = null;
      if (tab) tab.focus();
    }
  }

  // ------------------------------------------------------------------ reset

  async handleReset() {
    this.resetting = true;
    try {
      const response = await fetch('/preview/reset', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: '{}',
      });
      if (!response.ok) throw new Error(`The preview server answered ${response.status} ${response.statusText}.`);
      // A fresh page: the component reloads everything from the restored sample data.
      window.location.reload();
    } catch (error) {
      this.resetting = false;
      this.showToast({ title: 'The sample data was not reset', message: error.message, variant: 'error' });
    }
  }

  get resetLabel() {
    return this.resetting ? 'Resetting…' : 'Reset sample data';
  }

  // ------------------------------------------------------------------ toasts and navigation

  handleToast(event) {
    event.stopPropagation();
    this.showToast(event.detail || {});
  }

  showToast(detail) {
    const variant = VARIANTS.includes(detail.variant) ? detail.variant : 'info';
    const mode = detail.mode || 'dismissible';
    const id = `toast-${++toastCounter}`;
    const toast = {
      id,
      title: detail.title || '',
      message: detail.message || '',
      variant,
      iconName: TOAST_ICONS[variant],
      className: `slds-notify slds-notify_toast slds-theme_${variant}`,
      iconClass: `slds-icon_container slds-icon-utility-${variant} slds-m-right_small slds-no-flex slds-align-top`,
      role: variant === 'error' || variant === 'warning' ? 'alert' : 'status',
      closable: mode !== 'pester',
    };
    this.toasts = [...this.toasts, toast];
    if (mode !== 'sticky') {
      // eslint-disable-next-line @lwc/lwc/no-async-operation
      const timer = setTimeout(() => this.dismissToast(id), TOAST_MS[variant]);
      this.toastTimers.set(id, timer);
    }
  }

  dismissToast(id) {
    const timer = this.toastTimers.get(id);
    if (timer) clearTimeout(timer);
    this.toastTimers.delete(id);
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  handleToastClose(event) {
    this.dismissToast(event.currentTarget.dataset.toast);
  }

  get hasToasts() {
    return this.toasts.length > 0;
  }

  handleNavigate(event) {
    event.stopPropagation();
    const detail = event.detail || {};
    const reference = detail.pageReference || {};
    const attributes = reference.attributes || {};
    const recordId = attributes.recordId ? String(attributes.recordId) : '';
    const objectName = attributes.objectApiName || OBJECT_LABELS[recordId.slice(0, 3)] || 'record';
    const where = recordId ? `${objectName} ${recordId}` : detail.url || reference.type || 'a page';
    this.showToast({
      title: 'Navigation',
      message: `In an org this would open ${where}${detail.url ? ` (${detail.url})` : ''}. The local preview has no record pages.`,
      variant: 'info',
    });
  }
}
