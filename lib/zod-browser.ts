import { z } from "zod";

/**
 * zod 4 compiles object parsers with generated code, and finds out whether it
 * may by trying `new Function` the first time an object schema is built.
 * Under the app's CSP (no 'unsafe-eval') the browser reports that try as a
 * violation even though zod catches it. Every module that builds schemas
 * imports this first, so the setting is in place before the first schema
 * exists in a client bundle. The server keeps the faster compiled parsers.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
