// Stands in for the "server-only" marker package, which only Next's bundler understands.
export {};
