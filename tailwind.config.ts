import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from app/globals.css; this file (loaded there with
// @config) only names the sources so editors and plugins find them.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
};

export default config;
