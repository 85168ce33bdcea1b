/**
 * The base of `<riposte-thread>`, the one element of the first load: Lit's templates
 * (lit-html's `render`) with the part of LitElement's API the thread uses, so the thread reads
 * as a Lit component and could extend LitElement again by changing its import. Declared
 * properties and their attributes, batched updates (`willUpdate`, `render`, `updated`,
 * `updateComplete`), reactive controllers and styles in its shadow root. It costs readers
 * 0.6 KB brotli where LitElement (ReactiveElement, LitElement, css-tag) costs 2.7 KB; the
 * elements loaded later (the form, the sign-in panel, the admin view) extend LitElement itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { render } from 'lit/html.js';

/** How a property is declared (`static properties`), as in Lit: an attribute name, none, or internal state. */
export interface LeanProperty {
  /** The attribute that sets it (default: its name in lower case); false for none. */
  attribute?: string | false;
  /** Internal state: no attribute. */
  state?: boolean;
}

export type PropertyValues = Map<PropertyKey, unknown>;

/** A stylesheet as text, from the `css` tag (minified at build time as Lit's is). */
export const css = (strings: TemplateStringsArray, ...values: string[]): string => String.raw({ raw: strings }, ...values);

/** Adds styles to a shadow root: an adopted stylesheet, or a <style> where browsers have none. */
export function addStyles(root: ShadowRoot, text: string): void {
  if (root.adoptedStyleSheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = text;
    root.append(style);
  }
}

/** Attribute -> property of each element class, made when the browser asks for its observedAttributes. */
const attributesOf = new WeakMap<object, Map<string, string>>();

/** Puts an accessor on the class's prototype for each declared property; returns the attributes to observe. */
function declareProperties(element: typeof LeanElement): string[] {
  const attributes = new Map<string, string>();
  for (const [name, { attribute, state }] of Object.entries(element.properties)) {
    if (!state && attribute !== false) attributes.set(attribute ?? name.toLowerCase(), name);
    Object.defineProperty(element.prototype, name, {
      get(this: LeanElement) {
        return this.values.get(name);
      },
      set(this: LeanElement, value: unknown) {
        this.changeValue(name, value);
      },
      configurable: true,
    });
  }
  attributesOf.set(element, attributes);
  return [...attributes.keys()];
}

export abstract class LeanElement extends HTMLElement implements ReactiveControllerHost {
  static properties: Record<string, LeanProperty> = {};
  /** The element's styles, joined into one stylesheet in its shadow root. */
  static styles: string[] = [];
  static get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being defined (RiposteThread), not LeanElement.
    return declareProperties(this);
  }

  readonly renderRoot: ShadowRoot;
  /** The declared properties' values (their accessors read and write here). */
  protected readonly values = new Map<PropertyKey, unknown>();
  private _changed: PropertyValues = new Map();
  private _controllers = new Set<ReactiveController>();
  private _pending = false;
  private _done: Promise<boolean> = Promise.resolve(true);
  /** Properties a page set before the element was defined: they hid the accessors, so they wait for connectedCallback. */
  private _early = new Map<string, unknown>();

  constructor() {
    super();
    const { styles, properties } = this.constructor as typeof LeanElement;
    for (const name of Object.keys(properties)) {
      if (!Object.hasOwn(this, name)) continue;
      this._early.set(name, Reflect.get(this, name));
      Reflect.deleteProperty(this, name);
    }
    this.renderRoot = this.attachShadow({ mode: 'open' });
    addStyles(this.renderRoot, styles.join(''));
  }

  /** Resolves once the pending update (if any) is drawn. */
  get updateComplete(): Promise<boolean> {
    return this._done;
  }

  addController(controller: ReactiveController): void {
    this._controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this._controllers.delete(controller);
  }

  connectedCallback(): void {
    for (const [name, value] of this._early) Reflect.set(this, name, value);
    this._early.clear();
    for (const controller of this._controllers) controller.hostConnected?.();
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    for (const controller of this._controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const name = attributesOf.get(this.constructor)?.get(attribute);
    if (name) Reflect.set(this, name, value);
  }

  /** A declared property's setter: keeps the value and its old one for willUpdate/updated, and asks for an update. */
  protected changeValue(name: string, value: unknown): void {
    const old = this.values.get(name);
    if (Object.is(old, value)) return;
    this.values.set(name, value);
    if (!this._changed.has(name)) this._changed.set(name, old);
    this.requestUpdate();
  }

  /** Asks for an update in a microtask: any number of changes before it make one drawing. */
  requestUpdate(): void {
    if (this._pending) return;
    this._pending = true;
    this._done = Promise.resolve().then(() => this._update());
  }

  private _update(): boolean {
    if (!this.isConnected) {
      // Drawn when it is connected again (connectedCallback asks).
      this._pending = false;
      return false;
    }
    const changed = this._changed;
    this.willUpdate(changed);
    // As in Lit, changes made in willUpdate are part of this drawing, not a reason for another.
    this._changed = new Map();
    this._pending = false;
    render(this.render(), this.renderRoot, { host: this });
    for (const controller of this._controllers) controller.hostUpdated?.();
    this.updated(changed);
    return !this._pending;
  }

  protected willUpdate(_changed: PropertyValues): void {}

  protected abstract render(): unknown;

  protected updated(_changed: PropertyValues): void {}
}
