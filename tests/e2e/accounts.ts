/** Fictional staff made by the e2e suite itself (the test database starts empty). */
export const ADMIN = { name: "Ada Admin", email: "ada.admin@harbour-test.example", password: "tide pools at dawn 42" };

/** The admin's signed-in browser state, saved by first-run.setup.ts for the other tests. */
export const adminState = "tests/.tmp/admin-state.json";
