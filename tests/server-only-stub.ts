// vitest runs server modules in plain Node, where the real "server-only" throws.
export {};
