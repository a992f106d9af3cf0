"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { categories, categoryLabels } from "@/lib/library";
import { libraryQueryOptions } from "./queries";

export function LibraryPicker({ onAdd, adding }: { onAdd: (libraryEntryId: number) => void; adding: boolean }) {
  const [q, setQ] = useState("");
  const [category, setCategory] = useState("");
  const deferredQ = useDeferredValue(q.trim());
  const { data, isError, isFetching } = useQuery({ ...libraryQueryOptions(deferredQ, category), placeholderData: keepPreviousData });

  return (
    <section className="card" aria-labelledby="picker-h">
      <h2 id="picker-h">Add from the library</h2>
      <div className="field">
        <label htmlFor="picker-q">Search the library</label>
        <input id="picker-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="bridge, neck, walk…" />
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
        {isError ? "Could not search the library." : data ? `${data.length} found${isFetching ? ", updating…" : ""}` : "Loading…"}
      </p>
      <ul className="picker-results">
        {data?.map((hit) => (
          <li key={hit.id}>
            <span>
              {hit.name} <span className="muted">· {categoryLabels[hit.category]}</span>
            </span>
            <button type="button" className="button small" disabled={adding} onClick={() => onAdd(hit.id)} aria-label={`Add ${hit.name}`}>
              Add
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
