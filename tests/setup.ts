// Runs before every test file. Tests must not depend on a developer's .env.
process.env.TZ = "UTC";
