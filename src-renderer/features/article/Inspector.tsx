/**
 * The inspector beside the article's text: one tab per concern (details, event, photos,
 * checklist, history, workflow, comments), one panel shown at a time; every tab in sight (the
 * tabs wrap into equal cells, article.css).
 *
 * Tabs follow the WAI-ARIA tabs pattern with automatic activation: the selected tab is the
 * one Tab stop, arrow keys (and Home/End) move between tabs and show their panel. Every panel
 * stays mounted while hidden, so an upload in progress, a half-typed field or a chosen version
 * survives a look at another tab. A panel may ask to be shown (`request`): the merge notice
 * opens History on a version.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface InspectorTab<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly content: ReactNode;
}

export interface InspectorProps<Id extends string> {
  readonly label: string;
  readonly tabs: ReadonlyArray<InspectorTab<Id>>;
  readonly selected: Id;
  readonly onSelect: (id: Id) => void;
}

export function Inspector<Id extends string>({ label, tabs, selected, onSelect }: InspectorProps<Id>) {
  const base = useId();
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  const tabId = (id: Id) => `${base}-tab-${id}`;
  const panelId = (id: Id) => `${base}-panel-${id}`;

  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="inspector">
      <div className="inspector__tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => void (el ? refs.current.set(tab.id, el) : refs.current.delete(tab.id))}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            className="inspector__tab"
            aria-selected={tab.id === selected}
            aria-controls={panelId(tab.id)}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={panelId(tab.id)} className="inspector__panel" aria-labelledby={tabId(tab.id)} hidden={tab.id !== selected} tabIndex={0} data-tab={tab.id}>
          {tab.content}
        </div>
      ))}
    </div>
  );
}
