/**
 * How long a patient's link may work. Apart from lib/share-token so the
 * share form can use it in the browser without pulling in node:crypto (its
 * browser stand-in tries `Function(...)`, which the CSP refuses).
 */
export const SHARE_DAYS = { default: 30, max: 90, min: 1 } as const;
