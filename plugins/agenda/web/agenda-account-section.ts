import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext, preauStyles } from '@preau/sdk/web';
import { texts } from './texts.js';
import './agenda-subscription.js';

/** Mon compte's section of the agenda: the private calendar address for the phone, to make or revoke. */
export class AgendaAccountSection extends LitElement {
  static override styles = [preauStyles];
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    const language = this.language.value ?? 'fr';
    return html`<section aria-labelledby="agenda-account">
      <h2 id="agenda-account">${texts.text('accountSection', language)}</h2>
      <agenda-subscription .language=${language}></agenda-subscription>
    </section>`;
  }
}
customElements.define('agenda-account-section', AgendaAccountSection);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-account-section': AgendaAccountSection;
  }
}
