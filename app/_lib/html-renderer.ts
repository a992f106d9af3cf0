import { createRequire } from "node:module";
import path from "node:path";
import type { ReactElement } from "react";

type StaticRenderer = { renderToStaticMarkup: (element: ReactElement) => string };

let renderer: StaticRenderer | null = null;

/**
 * React's own server renderer (escapes every text and attribute by default),
 * for the pages served by route handlers as plain HTML (the patient's link
 * page, the printed handout), which must ship no Next client runtime.
 *
 * Turbopack refuses react-dom/server inside the app's server graph
 * (vercel/next.js 43810, 64052), so it is loaded at run time by Node from
 * node_modules, outside the bundle: the bundler does not follow a require
 * made through createRequire with a path it cannot know at build time.
 * The components it renders are plain synchronous functions without hooks,
 * so the React elements built inside the bundle render the same here.
 */
export function renderStaticMarkup(element: ReactElement): string {
  renderer ??= createRequire(path.join(process.cwd(), "package.json"))("react-dom/server.node") as StaticRenderer;
  return renderer.renderToStaticMarkup(element);
}
