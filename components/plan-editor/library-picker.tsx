"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useRef, useState, type KeyboardEvent } from "react";
import { categories, categoryLabels } from "@/lib/library";
import { libraryQueryOptions } from "./queries";

/**
 * Search the library and add to the plan: one entry with its Add button, or
 * several ticked then "Add 4 items". From the keyboard: type in the search
 * box, move through the results with the arrow keys, Enter adds the one
 * marked; focus stays in the search box. Buttons are never disabled while
 * adding (a disabled button drops focus to the page body); repeated presses
 * are ignored instead.
 */
export function LibraryPicker({ onAdd, adding }: { onAdd: (libraryEntryIds: number[]) => void; adding: boolean }) {
  const [q, setQ] = useState("");
  const [category, setCategory] = useState("");
  const [active, setActive] = useState(-1);
  const [ticked, setTicked] = useState<number[]>([]);
  const search = useRef<HTMLInputElement>(null);
  const deferredQ = useDeferredValue(q.trim());
  const { data, isError, isFetching } = useQuery({ ...libraryQueryOptions(deferredQ, category), placeholderData: keepPreviousData });
  // Until the list shown is the one for what is in the box, say so: "12 found" must never describe the last search.
  const updating = isFetching || deferredQ !== q.trim();
  const hits = data ?? [];
  const current = active >= 0 && active < hits.length ? hits[active] : null;

  const add = (ids: number[]) => {
    if (adding || ids.length === 0) return;
    onAdd(ids);
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (hits.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : hits.length - 1) : (i + step + hits.length) % hits.length));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (current) add([current.id]);
    } else if (e.key === "Escape") {
      setActive(-1);
    }
  };

  return (
    <section className="card" aria-labelledby="picker-h">
      <h2 id="picker-h">Add from the library</h2>
      <div className="field">
        <label htmlFor="picker-q">Search the library</label>
        <input
          id="picker-q"
          ref={search}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onSearchKey}
          placeholder="bridge, neck, walk…"
          aria-describedby="picker-keys picker-marked"
        />
        <p className="hint" id="picker-keys">
          Up and down arrows move through the results; Enter adds the one marked.
        </p>
      </div>
      <div className="field">
        <label htmlFor="picker-category">Category</label>
        <select id="picker-category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {categoryLabels[c]}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" aria-live="polite">
        {isError ? "Could not search the library." : data ? `${data.length} found${updating ? ", updating…" : ""}` : "Loading…"}
      </p>
      <p className="visually-hidden" id="picker-marked" aria-live="polite">
        {current ? `${current.name}, ${active + 1} of ${hits.length}. Enter adds it.` : ""}
      </p>
      {ticked.length > 0 ? (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            aria-disabled={adding}
            onClick={() => {
              add(ticked);
              setTicked([]);
              // The button goes away with the ticks: keep the person where they search.
              search.current?.focus();
            }}
          >
            {`Add ${ticked.length} ${ticked.length === 1 ? "item" : "items"}`}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setTicked([]);
              // This button goes away too: back to the search box, never the page body.
              search.current?.focus();
            }}
          >
            Clear ticks
          </button>
        </div>
      ) : null}
      <ul className="picker-results">
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            className={i === active ? "active" : undefined}
            aria-current={i === active ? "true" : undefined}
            style={i === active ? { outline: "3px solid currentColor", outlineOffset: "2px" } : undefined}
          >
            <label>
              <input
                type="checkbox"
                checked={ticked.includes(hit.id)}
                onChange={(e) => setTicked((t) => (e.target.checked ? [...t, hit.id] : t.filter((x) => x !== hit.id)))}
                aria-label={`Tick ${hit.name}`}
              />{" "}
              {hit.name} <span className="muted">· {categoryLabels[hit.category]}</span>
            </label>
            <button type="button" className="button small" aria-disabled={adding} onClick={() => add([hit.id])} aria-label={`Add ${hit.name}`}>
              Add
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
