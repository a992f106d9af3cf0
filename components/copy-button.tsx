"use client";

import { useState } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Copies `text` to the clipboard and says so where a screen reader hears it.
 * Without JavaScript the button stays disabled and the text beside it can be
 * selected and copied by hand.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }
  return (
    <>
      <button type="button" className="button" disabled={!hydrated} onClick={copy}>
        {label}
      </button>{" "}
      <span role="status" className={status === "failed" ? "form-message" : "muted"}>
        {status === "copied" ? "Copied" : status === "failed" ? "Could not copy: select the link and copy it by hand." : ""}
      </span>
    </>
  );
}
