import { z } from "zod";

/**
 * zod 4 speeds up object parsing with generated code, and finds out whether
 * it may by trying `new Function`. Under the app's CSP (no 'unsafe-eval')
 * that try is reported as a violation even though zod catches it. Imported
 * first by the client providers, so it runs before any schema parses in the browser.
 */
z.config({ jitless: true });
